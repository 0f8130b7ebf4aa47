// simple: the smallest program of the environment; it passes without a case.
#include "rvt.h"
RVT_BEGIN
RVT_END
