"""Writes to standard output a C function whose one expression nests N
additions deep (`a + a + ... + a`), the shape generated code takes: every
walk of the body that recurses once per level overflows the stack."""
import sys

n = int(sys.argv[1])
sys.stdout.write(
    "#include <stdlib.h>\n"
    "int f(int a, char **out) {\n"
    "  char *p = malloc(4);\n"
    "  int x = " + " + ".join(["a"] * n) + ";\n"
    "  if (x)\n"
    "    return 1;\n"
    "  *out = p;\n"
    "  return 0;\n"
    "}\n")
