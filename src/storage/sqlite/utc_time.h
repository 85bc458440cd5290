#pragma once

#include "common/utc_time.h"

namespace imagross::sqlite {

using imagross::utc_now_iso8601;

}  // namespace imagross::sqlite
