// RUN: %check_alloc_tidy %s alloc-ownership-transfer %t

// A flag that says a release is due (`if (contalloc) free(content);`, curl
// var.c setvariable) keeps its paths apart even in a function with many
// tested variables: where `content` is getenv()'s, the flag is still 0 and
// nothing borrowed is freed.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
extern FILE *stdin;
int addvariable(const char *name, char *content, size_t clen, int alloc);
int file2memory(char **out, size_t *len, const char *path);
int number(const char **line, long *out);
int setvar(const char *input) {
  const char *line = input;
  char *content = NULL;
  size_t clen = 0;
  int contalloc = 0;
  int err = 0;
  int import = 0;
  int use_stdin = 0;
  char *ge = NULL;
  long startoffset = 0, endoffset = 100;
  size_t nlen = strlen(input);
  FILE *file = NULL;
  if (!nlen || nlen > 64)
    return 1;
  if (*line == '%') {
    import = 1;
    line++;
  }
  if (import) {
    ge = getenv(input);
    if (!*line && !ge)
      return 2;
    else if (ge) {
      content = ge;
      clen = strlen(ge);
    }
  }
  if (*line == '[') {
    if (number(&line, &startoffset))
      return 3;
    if (number(&line, &endoffset))
      return 3;
    if (startoffset > endoffset)
      return 3;
  }
  if (content)
    ;
  else if (*line == '@') {
    use_stdin = !strcmp(line, "-");
    if (use_stdin)
      file = stdin;
    else {
      file = fopen(line, "rb");
      if (!file)
        err = 5;
    }
    if (!err) {
      err = file2memory(&content, &clen, line);
      if (clen)
        contalloc = 1;
    }
    if (!use_stdin && file)
      fclose(file);
    if (err)
      return err;
  } else if (*line == '=') {
    content = (char *)line + 1;
    if (startoffset || endoffset != 100) {
      if (startoffset >= (long)clen)
        clen = 0;
      else
        content += startoffset;
    }
  }
  err = addvariable(input, content, clen, contalloc);
  if (err) {
    if (contalloc)
      free(content);
  }
  return err;
}

// Near miss: the flag is set on the getenv() path too.
int setvar_flag_wrong(const char *input) {
  char *content = NULL;
  int contalloc = 0;
  int err;
  char *ge = getenv(input);
  if (ge) {
    content = ge;
    contalloc = 1;
  }
  err = addvariable(input, content, 0, contalloc);
  if (err) {
    if (contalloc)
      free(content);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'ge' is freed but 'getenv' only lends it (rules/libc.yaml: returns borrowed); do not free it [alloc-ownership-transfer]{{$}}
    // CHECK-MESSAGES: :[[@LINE-10]]:14: note: 'getenv' returns it here
  }
  return err;
}
