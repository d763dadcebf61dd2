#pragma once

/// What the client-side crypto fuzz targets share: two devices whose key stores are set up as a
/// conversation leaves them, so that fuzzed ciphertexts reach libsignal's real checks.

#include "TestDevice.h"

#include <QtCore/QTemporaryDir>

#include <memory>

namespace Parley {

/// Alice (user 1) has sent Bob (user 2) a pre-key message, so Bob holds a pairwise session with
/// her and her sender key for conversation Conversation. Built once per fuzzing process.
class UnwrapFixture
{
public:
    static constexpr qint64 Conversation = 7;
    static UnwrapFixture &instance();

    TestDevice &alice() { return *m_alice; }
    TestDevice &bob() { return *m_bob; }

private:
    UnwrapFixture();

    QTemporaryDir m_dir;
    std::unique_ptr<TestDevice> m_alice;
    std::unique_ptr<TestDevice> m_bob;
};

} // namespace Parley
