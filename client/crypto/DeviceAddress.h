#pragma once

/// One device of one user: the address of a pairwise session and of a sender key.

#include <QString>
#include <QtGlobal>

namespace Parley {

//! \brief A (user, device) pair as libsignal addresses it.
//!
//! libsignal's address name is the user id as a decimal string and its device id is
//! deviceId; a group's sender key is named by the conversation id (decimal) and this address.
struct DeviceAddress
{
    qint64 userId = 0;
    qint32 deviceId = 0;

    //! The libsignal address name: userId as a decimal string.
    QString name() const;
    //! "user:device", for logs.
    QString toString() const;

    friend bool operator==(const DeviceAddress &, const DeviceAddress &) = default;
};

} // namespace Parley
