/*
 * tokenizer: a JSON-like tokenizer over about 120 KB of generated text, scale passes.
 *
 * Text: seed 0x1B873593; top-level objects, one per line, until the text reaches 120,000 bytes.
 * Values: numbers (optional '-', an integer below 100000, optional fraction, optional exponent),
 * strings (letters, digits, spaces and the escapes \" \\ \n), true, false, null, arrays and
 * objects of up to 5 elements (containers only above depth 3). The exact grammar of the generator
 * is the code below; tools/Reference.java generates the same text.
 *
 * Tokens: { } [ ] : , string number true false null. Per pass the tokenizer counts each kind, sums
 * the integer parts of the numbers with their signs (modulo 2^32) and hashes the unescaped string
 * contents (FNV-1a, 32 bits); these 13 values are folded with 64-bit FNV-1a (h = (h ^ v) * prime).
 * Result: total = total * 31 + h over the passes.
 * RAM: 128 KiB text buffer. Default scale 300.
 */
#include "bench.h"
#include "reference.h"

#define TEXT_TARGET 120000
#define TEXT_CAP (128 * 1024)

static char text[TEXT_CAP];
static uint32_t len;
static uint32_t seed;

static void put(char c)
{
    if (len >= TEXT_CAP) {
        fputs("tokenizer: text overflow\n", stdout);
        exit(3);
    }
    text[len++] = c;
}

static void puts_(const char *s)
{
    while (*s)
        put(*s++);
}

static uint32_t rnd(uint32_t n)
{
    return bench_rand(&seed) % n;
}

static void gen_string(void)
{
    put('"');
    uint32_t n = 1 + rnd(12);
    for (uint32_t i = 0; i < n; i++) {
        uint32_t r = rnd(40);
        if (r < 26) {
            put((char)('a' + r));
        } else if (r < 36) {
            put((char)('0' + r - 26));
        } else if (r == 36) {
            put('\\');
            put('"');
        } else if (r == 37) {
            put('\\');
            put('\\');
        } else if (r == 38) {
            put('\\');
            put('n');
        } else {
            put(' ');
        }
    }
    put('"');
}

static void gen_number(void)
{
    if (rnd(4) == 0)
        put('-');
    char digits[8];
    char *end = bench_dec(digits, rnd(100000));
    for (char *p = digits; p < end; p++)
        put(*p);
    if (rnd(3) == 0) {
        put('.');
        uint32_t n = 1 + rnd(4);
        for (uint32_t i = 0; i < n; i++)
            put((char)('0' + rnd(10)));
    }
    if (rnd(8) == 0) {
        put('e');
        if (rnd(2))
            put('-');
        put((char)('1' + rnd(9)));
    }
}

static void gen_value(int depth);

static void gen_object(int depth)
{
    put('{');
    uint32_t n = rnd(6);
    for (uint32_t i = 0; i < n; i++) {
        if (i) {
            put(',');
            put(' ');
        }
        gen_string();
        put(':');
        put(' ');
        gen_value(depth + 1);
    }
    put('}');
}

static void gen_value(int depth)
{
    switch (rnd(depth >= 3 ? 6 : 8)) {
    case 0:
    case 1:
        gen_number();
        break;
    case 2:
    case 3:
        gen_string();
        break;
    case 4:
        puts_("true");
        break;
    case 5:
        puts_(rnd(2) ? "false" : "null");
        break;
    case 6: {
        put('[');
        uint32_t n = rnd(6);
        for (uint32_t i = 0; i < n; i++) {
            if (i) {
                put(',');
                put(' ');
            }
            gen_value(depth + 1);
        }
        put(']');
        break;
    }
    default:
        gen_object(depth);
        break;
    }
}

enum { T_LBRACE, T_RBRACE, T_LBRACK, T_RBRACK, T_COLON, T_COMMA, T_STRING, T_NUMBER, T_TRUE, T_FALSE, T_NULL, T_KINDS };

static inline int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static BENCH_NOINLINE uint64_t tokenize(const char *p, const char *end)
{
    uint32_t count[T_KINDS] = {0};
    uint32_t numsum = 0;
    uint32_t strhash = 2166136261u;
    while (p < end) {
        char c = *p;
        switch (c) {
        case ' ': case '\n': case '\t': case '\r': p++; break;
        case '{': count[T_LBRACE]++; p++; break;
        case '}': count[T_RBRACE]++; p++; break;
        case '[': count[T_LBRACK]++; p++; break;
        case ']': count[T_RBRACK]++; p++; break;
        case ':': count[T_COLON]++; p++; break;
        case ',': count[T_COMMA]++; p++; break;
        case '"':
            p++;
            while (*p != '"') {
                char ch = *p;
                if (ch == '\\') {
                    p++;
                    ch = *p == 'n' ? '\n' : *p;
                }
                strhash = (strhash ^ (uint8_t)ch) * 16777619u;
                p++;
            }
            p++;
            count[T_STRING]++;
            break;
        case 't':
            if (end - p < 4 || memcmp(p, "true", 4) != 0)
                return 0;
            count[T_TRUE]++;
            p += 4;
            break;
        case 'f':
            if (end - p < 5 || memcmp(p, "false", 5) != 0)
                return 0;
            count[T_FALSE]++;
            p += 5;
            break;
        case 'n':
            if (end - p < 4 || memcmp(p, "null", 4) != 0)
                return 0;
            count[T_NULL]++;
            p += 4;
            break;
        default: {
            int negative = 0;
            if (c == '-') {
                negative = 1;
                p++;
            }
            if (!is_digit(*p))
                return 0;
            uint32_t v = 0;
            while (is_digit(*p))
                v = v * 10 + (uint32_t)(*p++ - '0');
            if (*p == '.') {
                p++;
                while (is_digit(*p))
                    p++;
            }
            if (*p == 'e' || *p == 'E') {
                p++;
                if (*p == '-' || *p == '+')
                    p++;
                while (is_digit(*p))
                    p++;
            }
            numsum += negative ? 0u - v : v;
            count[T_NUMBER]++;
            break;
        }
        }
    }
    uint64_t h = 14695981039346656037ull;
    for (int i = 0; i < T_KINDS; i++)
        h = (h ^ count[i]) * 1099511628211ull;
    h = (h ^ numsum) * 1099511628211ull;
    h = (h ^ strhash) * 1099511628211ull;
    return h;
}

int main(int argc, char **argv)
{
    uint32_t scale = bench_scale(argc, argv, DEFAULT_SCALE_TOKENIZER);
    seed = 0x1B873593u;
    while (len < TEXT_TARGET) {
        gen_object(0);
        put('\n');
    }
    uint64_t total = 0;
    for (uint32_t pass = 0; pass < scale; pass++) {
        uint64_t h = tokenize(text, text + len);
        if (h == 0) {
            fputs("tokenizer: syntax error\n", stdout);
            return 1;
        }
        total = total * 31 + h;
    }
    return BENCH_FINISH("tokenizer", scale, total, REF_TOKENIZER);
}
