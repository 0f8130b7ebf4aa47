/*
 * cputime: runs a command and writes the CPU time it used (user + system, of the process and the
 * children it waited for, in seconds with microsecond resolution, from wait4's rusage) to the file
 * given with -o. The exit status is the command's (128 + signal if it was killed).
 * /usr/bin/time has the same information but prints it with 10 ms resolution.
 *
 *     cputime -o FILE COMMAND [ARG...]
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc < 4 || strcmp(argv[1], "-o") != 0) {
        fputs("usage: cputime -o FILE COMMAND [ARG...]\n", stderr);
        return 64;
    }
    pid_t pid = fork();
    if (pid < 0) {
        perror("cputime: fork");
        return 71;
    }
    if (pid == 0) {
        execvp(argv[3], argv + 3);
        perror("cputime: exec");
        _exit(127);
    }
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0) {
        perror("cputime: wait4");
        return 71;
    }
    FILE *f = fopen(argv[2], "w");
    if (f == NULL) {
        perror("cputime: output file");
        return 73;
    }
    fprintf(f, "%ld.%06ld %ld.%06ld\n", (long)ru.ru_utime.tv_sec, (long)ru.ru_utime.tv_usec,
            (long)ru.ru_stime.tv_sec, (long)ru.ru_stime.tv_usec);
    fclose(f);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
