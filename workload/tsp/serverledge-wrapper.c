/*
 * Serverledge custom-runtime wrapper for a TSP program that takes `rand N` (the seed's
 * wasi-apps/travelling_salesman): what the seed's wrapper.sh did with ash and sed, without a shell,
 * so that a FROM scratch image can run it.
 *
 *   CUSTOM_CMD="/wrapper /tsp"
 *
 * Reads N from the JSON in $PARAMS_FILE as the seed's sed did (`{"n": "12"}`, the space and the
 * quotes optional; nothing else accepted), then replaces itself with `PROGRAM rand N`, stdout going
 * to $RESULT_FILE and stderr to the executor, so the program's exit status is the wrapper's. On bad
 * parameters it writes `serverledge-wrapper: <problem>` to stderr and exits with 2.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int fail(const char *problem) {
  fprintf(stderr, "serverledge-wrapper: %s\n", problem);
  return 2;
}

/* Parses `{"n": ?"?DIGITS"?}` with an optional final newline into n; 0 on success. */
static int parse(const char *s, char *n, size_t size) {
  if (strncmp(s, "{\"n\":", 5) != 0) return -1;
  s += 5;
  if (*s == ' ') s++;
  if (*s == '"') s++;
  size_t len = strspn(s, "0123456789");
  if (len == 0 || len >= size) return -1;
  memcpy(n, s, len);
  n[len] = '\0';
  s += len;
  if (*s == '"') s++;
  if (*s++ != '}') return -1;
  if (*s == '\n') s++;
  return *s == '\0' ? 0 : -1;
}

int main(int argc, char **argv) {
  if (argc != 2) return fail("usage: serverledge-wrapper PROGRAM (CUSTOM_CMD=\"/wrapper /tsp\")");
  const char *params = getenv("PARAMS_FILE");
  const char *result = getenv("RESULT_FILE");
  if (params == NULL || *params == '\0' || result == NULL || *result == '\0') {
    return fail("PARAMS_FILE and RESULT_FILE must name files");
  }
  char buf[256];
  int fd = open(params, O_RDONLY);
  if (fd < 0) return fail("cannot open $PARAMS_FILE");
  ssize_t len = read(fd, buf, sizeof buf);
  close(fd);
  if (len <= 0 || (size_t)len >= sizeof buf) return fail("$PARAMS_FILE is empty or too long");
  buf[len] = '\0';
  char n[16];
  if (parse(buf, n, sizeof n) != 0) return fail("$PARAMS_FILE is not {\"n\": \"<digits>\"}");
  int out = open(result, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (out < 0) return fail("cannot open $RESULT_FILE");
  if (dup2(out, STDOUT_FILENO) < 0) return fail("cannot redirect stdout to $RESULT_FILE");
  close(out);
  execl(argv[1], argv[1], "rand", n, (char *)NULL);
  perror("serverledge-wrapper: exec");
  return 127;
}
