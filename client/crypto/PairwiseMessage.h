#pragma once

/// A ciphertext of a pairwise (X3DH + Double Ratchet) session, as it travels.

#include "CryptoResult.h"

#include <QByteArray>

namespace Parley {

//! \brief A pairwise ciphertext and its libsignal message type.
//!
//! The type numbers are libsignal's (CIPHERTEXT_PREKEY_TYPE, CIPHERTEXT_SIGNAL_TYPE) and
//! stable. encode() gives the one byte string a device-inbox body can carry.
struct PairwiseMessage
{
    enum class Type : int {
        Signal = 2, //!< a message of an established session
        PreKey = 3, //!< the first messages of a session: carry the X3DH key agreement
    };

    Type type = Type::Signal;
    QByteArray body;

    //! The type as one byte, then the body.
    QByteArray encode() const;
    //! The inverse of encode(); InvalidMessage for an unknown type or an empty body.
    static CryptoResult<PairwiseMessage> decode(const QByteArray &encoded);

    friend bool operator==(const PairwiseMessage &, const PairwiseMessage &) = default;
};

} // namespace Parley
