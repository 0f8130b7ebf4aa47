/*
 * vm: a small stack-machine bytecode interpreter (switch dispatch) running a loop program of
 * scale x 100,000 iterations, about 30 bytecodes each:
 *
 *     i = 0; acc = 1; t = 0
 *     do {
 *         acc = acc * 31 + i
 *         acc = acc ^ (acc >> 7)          (logical shift)
 *         if ((i & 3) == 0) t = t + acc
 *         i = i + 1
 *     } while (i < n)                     (unsigned compare; all arithmetic modulo 2^32)
 *
 * Result: t << 32 | acc. RAM: a few hundred bytes. Default scale 30 (3 million iterations).
 */
#include "bench.h"
#include "reference.h"

enum { PUSH, LOAD, STORE, ADD, SUB, MUL, XOR, SHR, AND, DUP, DROP, JNZ, JMP, LTU, HALT };

/* locals: 0 = i, 1 = n, 2 = acc, 3 = t */
static const int32_t program[] = {
    PUSH, 0, STORE, 0,
    PUSH, 1, STORE, 2,
    PUSH, 0, STORE, 3,
    /* 12: loop */
    LOAD, 2, PUSH, 31, MUL, LOAD, 0, ADD, STORE, 2,
    LOAD, 2, LOAD, 2, PUSH, 7, SHR, XOR, STORE, 2,
    LOAD, 0, PUSH, 3, AND, JNZ, 46,
    LOAD, 3, LOAD, 2, ADD, STORE, 3,
    /* 46: skip */
    LOAD, 0, PUSH, 1, ADD, DUP, STORE, 0,
    LOAD, 1, LTU, JNZ, 12,
    HALT,
};

static BENCH_NOINLINE uint64_t execute(const int32_t *code, uint32_t *locals)
{
    uint32_t stack[16];
    int sp = 0;
    int pc = 0;
    for (;;) {
        switch (code[pc++]) {
        case PUSH: stack[sp++] = (uint32_t)code[pc++]; break;
        case LOAD: stack[sp++] = locals[code[pc++]]; break;
        case STORE: locals[code[pc++]] = stack[--sp]; break;
        case ADD: sp--; stack[sp - 1] += stack[sp]; break;
        case SUB: sp--; stack[sp - 1] -= stack[sp]; break;
        case MUL: sp--; stack[sp - 1] *= stack[sp]; break;
        case XOR: sp--; stack[sp - 1] ^= stack[sp]; break;
        case SHR: sp--; stack[sp - 1] >>= stack[sp] & 31; break;
        case AND: sp--; stack[sp - 1] &= stack[sp]; break;
        case DUP: stack[sp] = stack[sp - 1]; sp++; break;
        case DROP: sp--; break;
        case JNZ: if (stack[--sp] != 0) pc = code[pc]; else pc++; break;
        case JMP: pc = code[pc]; break;
        case LTU: sp--; stack[sp - 1] = stack[sp - 1] < stack[sp]; break;
        case HALT: return (uint64_t)locals[3] << 32 | locals[2];
        default: return 0;
        }
    }
}

int main(int argc, char **argv)
{
    uint32_t scale = bench_scale(argc, argv, DEFAULT_SCALE_VM);
    uint32_t locals[4] = {0, scale * 100000u, 0, 0};
    return BENCH_FINISH("vm", scale, execute(program, locals), REF_VM);
}
