#pragma once

// Case- and accent-insensitive matching of product codes and names, with the folding that the
// member search shares (domain/contact.h).

#include "domain/contact.h"

namespace imagross::analytics {

using imagross::fold_for_search;

}  // namespace imagross::analytics
