/*
 * stdio_out.c - picolibc (tinystdio) glue for rvjar bare-metal ROMs.
 *
 *   stdout  (printf, puts, putchar, fwrite to stdout, ...)
 *           appends to the OUT region, updating its length header after
 *           every byte; output beyond the 1 MiB region is an error (EOF).
 *   stderr  goes to the host's stderr through write(2, ...); buffered per
 *           line (flushed at '\n', when 128 bytes are pending, by
 *           fflush(stderr) and at exit).
 *   stdin   (getchar, scanf, fgets, ...) reads the IN payload; EOF after
 *           its last byte.
 *
 *   _exit(status)         ecall 93 (exit)
 *   write(fd, buf, n)     the raw write system call (fd 1/2 = host
 *                         stdout/stderr, NOT the OUT region); -1 + errno
 *   read(fd, buf, n)      fd 0 reads the IN payload (same position as
 *                         stdin); other fds: -1 + errno EBADF
 *
 * malloc/sbrk need nothing here: picolibc's sbrk uses __heap_start and
 * __heap_end, which kit/mcu.ld defines (heap between .bss and the stack).
 */
#include <stdio.h>
#include <errno.h>
#include <unistd.h>
#include "rvjar.h"

/* ---------------------------------------------------------- stdout: OUT */

static int out_put(char c, FILE *f)
{
    (void)f;
    return rv_out_putc((unsigned char)c) < 0 ? _FDEV_ERR : (unsigned char)c;
}

/* ------------------------------------------------- stderr: host stderr */

#define ERR_BUF_SIZE 128
static char err_buf[ERR_BUF_SIZE];
static unsigned err_len;

static int err_flush(FILE *f)
{
    (void)f;
    unsigned done = 0;
    while (done < err_len) {
        long r = rv_write(2, err_buf + done, err_len - done);
        if (r <= 0) {
            err_len = 0;
            return _FDEV_ERR;
        }
        done += (unsigned)r;
    }
    err_len = 0;
    return 0;
}

static int err_put(char c, FILE *f)
{
    err_buf[err_len++] = c;
    if (c == '\n' || err_len == ERR_BUF_SIZE) {
        if (err_flush(f) != 0)
            return _FDEV_ERR;
    }
    return (unsigned char)c;
}

/* ------------------------------------------------------- stdin: IN */

static uint32_t in_pos;     /* .bss: back to 0 on every call */

static int in_get(FILE *f)
{
    (void)f;
    if (in_pos >= rv_in_len())
        return _FDEV_EOF;
    return rv_in_data()[in_pos++];
}

/* ---------------------------------------------------------- the FILEs */

/* FILE objects are written by stdio (error/EOF flags, ungetc), so they
   live in .data and are re-initialised on every call. */
static FILE rv_stdin  = FDEV_SETUP_STREAM(NULL, in_get, NULL, _FDEV_SETUP_READ);
static FILE rv_stdout = FDEV_SETUP_STREAM(out_put, NULL, NULL, _FDEV_SETUP_WRITE);
static FILE rv_stderr = FDEV_SETUP_STREAM(err_put, NULL, err_flush, _FDEV_SETUP_WRITE);

FILE *const stdin  = &rv_stdin;
FILE *const stdout = &rv_stdout;
FILE *const stderr = &rv_stderr;

/* ------------------------------------------------------ POSIX-ish calls */

void _exit(int status)
{
    err_flush(&rv_stderr);
    rv_exit(status);
}

ssize_t write(int fd, const void *buf, size_t count)
{
    long r = rv_write(fd, buf, count);
    if (r < 0) {
        errno = (int)-r;
        return -1;
    }
    return r;
}

ssize_t read(int fd, void *buf, size_t count)
{
    if (fd != 0) {
        errno = EBADF;
        return -1;
    }
    uint32_t len = rv_in_len();
    uint32_t left = in_pos < len ? len - in_pos : 0;
    if (count > left)
        count = left;
    const uint8_t *src = rv_in_data() + in_pos;
    unsigned char *dst = buf;
    for (size_t i = 0; i < count; i++)
        dst[i] = src[i];
    in_pos += (uint32_t)count;
    return (ssize_t)count;
}
