#pragma once

/// The safety number two users compare to verify each other's identity keys.

#include "CryptoResult.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Parley {

class SignalContext;

//! \brief libsignal's fingerprint of a pair of identities: 60 digits, equal on both sides,
//! plus the scannable form for a QR code.
//!
//! The stable identifiers are the user ids as decimal strings. Any change of either identity
//! key changes the number.
class SafetyNumber
{
public:
    //! Iterations of the fingerprint hash, fixed for every Parley client (> 112 bits).
    static constexpr int Iterations = 5200;
    //! The scannable fingerprint format: the newest libsignal-protocol-c supports.
    static constexpr int ScannableVersion = 1;

    //! InvalidArgument when an identity key cannot be decoded.
    static CryptoResult<SafetyNumber> compute(SignalContext &context, qint64 localUserId,
                                              const QByteArray &localIdentityKey,
                                              qint64 remoteUserId,
                                              const QByteArray &remoteIdentityKey);

    //! The 60 digits.
    QString digits() const { return m_digits; }
    //! The digits in 12 groups of 5.
    QStringList groups() const;
    //! The groups separated by spaces, for display.
    QString displayText() const;
    //! The serialized scannable fingerprint, to show as a QR code.
    QByteArray scannable() const { return m_scannable; }

    //! Compares with the scannable fingerprint read from the other user's screen: true when
    //! both sides see the same identity keys. UnsupportedVersion or InvalidMessage when
    //! \a scanned is of another format or malformed, IdentityMismatch when it is for
    //! other users.
    CryptoResult<bool> matchesScanned(SignalContext &context, const QByteArray &scanned) const;

    friend bool operator==(const SafetyNumber &, const SafetyNumber &) = default;

private:
    SafetyNumber() = default;

    QString m_digits;
    QByteArray m_scannable;
};

} // namespace Parley
