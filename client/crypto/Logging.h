#pragma once

/// The logging category of parley_crypto. Log ids, sizes and error codes only: never
/// plaintext, keys, key records or storage keys.

#include <QLoggingCategory>

namespace Parley {

Q_DECLARE_LOGGING_CATEGORY(lcCrypto)

} // namespace Parley
