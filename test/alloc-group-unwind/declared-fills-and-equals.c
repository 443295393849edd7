// RUN: %check_alloc_tidy %s alloc-group-unwind %t -- \
// RUN:   --config="{CheckOptions: [{key: RulesFiles, value: '%S/Inputs/fills-equals.yaml'}]}"

// The two facts declared in a rules file, for functions whose bodies are
// elsewhere: 'fills-fields' (the caller owns what the fields hold after the
// call, whatever it returns) and 'status: equals K' (the out-parameter is
// set only where the call returned K).
#include <stdlib.h>

struct cvc {
  unsigned char *prime;
  unsigned char *coeff;
  unsigned char *name; // not filled
};
int encode_ec(struct cvc *c, const char *curve);
int read_data(int id, int *size, unsigned char **data);
void free_cvc(struct cvc *c);

int generate(const char *curve) {
  struct cvc cvc = {0};
  if (encode_ec(&cvc, curve) < 0)
    return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'cvc.prime' leaks when 'generate' fails here; free it before returning [alloc-group-unwind]{{$}}
  free(cvc.prime);
  free(cvc.coeff);
  return 0;
}

// Near miss: released on the failing path too.
int generate_fixed(const char *curve) {
  struct cvc cvc = {0};
  if (encode_ec(&cvc, curve) < 0) {
    free(cvc.prime);
    free(cvc.coeff);
    return -1;
  }
  free(cvc.prime);
  free(cvc.coeff);
  return 0;
}

int first_byte(int id) {
  unsigned char *data = NULL;
  int size = 0;
  if (read_data(id, &size, &data) != 69)
    return -1; // nothing was allocated
  if (size < 1)
    return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'data' leaks when 'first_byte' fails here; free it before returning [alloc-group-unwind]{{$}}
  int b = data[0];
  free(data);
  return b;
}
