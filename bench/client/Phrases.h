#pragma once

/// The text of the n-th message in a generated profile: words people search for, in lengths
/// from 3 to 19 words, each text unique. The profile generator and the cache bench use the same.

#include <QtCore/QString>

namespace Parley {

QString phrase(int n);

} // namespace Parley
