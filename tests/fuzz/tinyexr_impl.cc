/* tinyexr built from Debian's header into the decode fuzzer, so the sanitizers see inside it (the
 * module links the shared libtinyexr instead). */
#define TINYEXR_IMPLEMENTATION
#include <tinyexr.h>
