#pragma once

/// What every bench message carries in its body: who sent it, its number, its phase and the
/// time it was meant to leave, so any receiver in any process can check and time it.

#include <QtCore/QByteArray>

#include <optional>

namespace Parley::Bench {

/// CLOCK_MONOTONIC in nanoseconds: one clock for every process on the machine.
qint64 monotonicNs();

struct Stamp
{
    quint32 sender = 0; ///< the sending user's index in the plan
    quint32 counter = 0; ///< unique per sender over the whole run, from 1
    quint32 phase = 0; ///< the measurement phase it belongs to
    qint64 intendedNs = 0; ///< when the open-loop schedule meant to send it

    /// Binary form (Parley, raw Qt): "PBS1" then the fields, padded with zeros to `size`
    /// bytes (at least 24).
    QByteArray toBinary(int size) const;
    static std::optional<Stamp> fromBinary(QByteArrayView bytes);
    /// Text form (XMPP body, Socket.IO string), padded with '.' to `size` characters.
    QByteArray toText(int size) const;
    static std::optional<Stamp> fromText(QByteArrayView text);

    friend bool operator==(const Stamp &, const Stamp &) = default;
};

} // namespace Parley::Bench
