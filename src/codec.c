/* Python binding of the encoders. See codec.h. */
#include "codec.h"

int
td_codec_setup(PyObject *module)
{
    (void)module;
    return 0;
}
