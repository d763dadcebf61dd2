#pragma once

/// How routing names a session living on some I/O thread: the thread's index and an id unique
/// on that thread. Never a pointer: a session may be gone by the time a reply is ready.

#include <QtCore/QHashFunctions>
#include <QtCore/QMetaType>

namespace Parley {

struct SessionAddress
{
    int thread = -1;
    quint64 id = 0;

    bool isValid() const { return thread >= 0; }
    friend bool operator==(const SessionAddress &, const SessionAddress &) = default;
};

inline size_t qHash(const SessionAddress &a, size_t seed = 0) noexcept
{
    return qHashMulti(seed, a.thread, a.id);
}

} // namespace Parley
