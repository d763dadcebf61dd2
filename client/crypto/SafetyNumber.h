#pragma once

/// The safety number two users compare to verify each other's identity keys.

#include "CryptoResult.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

struct fingerprint;

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

    //! The same for users with several devices, each with its own identity key: every key of
    //! each side (libsignal sorts and concatenates them, fingerprint_generator_create_for_list),
    //! so all devices of both users show the same number when they know the same devices, and
    //! a device added or replaced on either side changes it. InvalidArgument when a list is
    //! empty or a key cannot be decoded.
    static CryptoResult<SafetyNumber>
    computeForDevices(SignalContext &context, qint64 localUserId,
                      const QList<QByteArray> &localIdentityKeys, qint64 remoteUserId,
                      const QList<QByteArray> &remoteIdentityKeys);

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
    static CryptoResult<SafetyNumber> fromFingerprint(fingerprint *value);

    QString m_digits;
    QByteArray m_scannable;
};

} // namespace Parley
