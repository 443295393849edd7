/* Case expat-xmlwf-output-open-error (tmain = main, expat/xmlwf/xmlwf.c).
 * Cause: the leaking exit is not recognised as failing. After fopen fails,
 * exitCode = XMLWF_EXIT_OUTPUT_ERROR (enum, 3) and "break" reaches main's
 * only return, "return exitCode". exitCode is tracked through the break
 * (with -3 it IS reported, also on the real tree, buggy only), but with no
 * "return <const>" there is no success value, and a positive constant only
 * fails against one. Needed: take the returned status variable's initializer
 * (exitCode = XMLWF_EXIT_SUCCESS, 0) as the success value, or 0 for main.
 * Its other half, the parser leaked at "continue" (and at the break), also
 * needs XML_ParserCreate inferred (expat-elements-parse-error.c) and leaks
 * at continue (K). ReportAllExits already reports line 36.
 * Expected: line 36 "'outName' leaks when 'main' fails here". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
enum ExitCode { EXIT_OK = 0, EXIT_NOT_WELLFORMED = 2, EXIT_OUTPUT_ERROR = 3 };
int process_file(const char *name, FILE *out);
int main(int argc, char **argv) {
  int exitCode = EXIT_OK, continueOnError = argc > 3;
  for (int i = 1; i < argc; i++) {
    char *outName = malloc(strlen(argv[i]) + 5);
    if (!outName)
      exit(1);
    strcat(strcpy(outName, argv[i]), ".out");
    FILE *fp = fopen(outName, "wb");
    if (!fp) {
      exitCode = EXIT_OUTPUT_ERROR;
      if (continueOnError) { free(outName); continue; }
      break;
    }
    int ok = process_file(argv[i], fp);
    fclose(fp);
    free(outName);
    if (!ok) { exitCode = EXIT_NOT_WELLFORMED; break; }
  }
  return exitCode;
}
