#ifndef CFLAB_CLAYERKERNELS_H
#define CFLAB_CLAYERKERNELS_H

/// output[k] = input[k] > 0 ? input[k] : +0 for k < count (the rectifier; input may be output).
void cf_relu_forward(const float *input, float *output, long count);

/// gradient[k] = activated[k] > 0 ? gradient[k] : +0 for k < count: ReLU's backward, with
/// `activated` either the rectified values or the values before it (both are > 0 at the same k).
void cf_relu_backward(const float *activated, float *gradient, long count);

#endif
