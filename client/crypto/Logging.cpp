#include "Logging.h"

namespace Parley {

Q_LOGGING_CATEGORY(lcCrypto, "parley.client.crypto", QtInfoMsg)

} // namespace Parley
