#pragma once

/// A remote device whose identity key changed and awaits the user's acknowledgement.

#include "DeviceAddress.h"

#include <QByteArray>
#include <QDateTime>

namespace Parley {

//! \brief The trusted and the newly offered identity key of one remote device.
struct IdentityChange
{
    DeviceAddress address;
    QByteArray trustedKey; //!< the key trusted so far (serialized public key)
    QByteArray offeredKey; //!< the different key the device now presents
    QDateTime detectedAt; //!< when the difference was first seen (UTC)

    friend bool operator==(const IdentityChange &, const IdentityChange &) = default;
};

} // namespace Parley
