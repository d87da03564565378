// The neural model's element-wise layer kernels (CFModels' `ReLU`).
//
// Each is a select, not arithmetic: out = z > 0 ? z : +0, and g = a > 0 ? g : +0, so a
// NaN or a negative zero becomes +0 exactly as the Swift reference's
// `where !(z > 0) { z = 0 }` makes it. The loops have no branch, so the compiler turns
// them into a compare and a mask on every x86-64 and arm64 vector unit.
#include "CLayerKernels.h"

void cf_relu_forward(const float *input, float *output, long count) {
    for (long k = 0; k < count; k++) output[k] = input[k] > 0 ? input[k] : 0.0f;
}

void cf_relu_backward(const float *activated, float *gradient, long count) {
    for (long k = 0; k < count; k++) gradient[k] = activated[k] > 0 ? gradient[k] : 0.0f;
}
