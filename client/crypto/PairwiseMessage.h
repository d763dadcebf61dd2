#pragma once

/// A ciphertext of a pairwise (X3DH + Double Ratchet) session, as it travels.

#include <QByteArray>

namespace Parley {

//! \brief A pairwise ciphertext and its libsignal message type.
//!
//! The network layer sends the type next to the body; the numbers are libsignal's
//! (CIPHERTEXT_PREKEY_TYPE, CIPHERTEXT_SIGNAL_TYPE) and stable.
struct PairwiseMessage
{
    enum class Type : int {
        Signal = 2, //!< a message of an established session
        PreKey = 3, //!< the first messages of a session: carry the X3DH key agreement
    };

    Type type = Type::Signal;
    QByteArray body;

    friend bool operator==(const PairwiseMessage &, const PairwiseMessage &) = default;
};

} // namespace Parley
