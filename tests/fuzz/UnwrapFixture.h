#pragma once

/// What the client-side crypto fuzz targets share: two devices whose key stores are set up as a
/// conversation leaves them, so that fuzzed ciphertexts reach libsignal's real checks.

#include "TestDevice.h"

#include <QtCore/QTemporaryDir>
#include <QtCore/QVarLengthArray>

#include <initializer_list>
#include <memory>

namespace Parley {

/// Alice (user 1) has sent Bob (user 2) a pre-key message, so Bob holds a pairwise session with
/// her and her sender key for conversation Conversation. Built once per fuzzing process; each
/// input runs in an Input, which puts the key stores back as they were when it ends.
class UnwrapFixture
{
public:
    static constexpr qint64 Conversation = 7;
    static UnwrapFixture &instance();

    TestDevice &alice() { return *m_alice; }
    TestDevice &bob() { return *m_bob; }

    /// One input's run: a transaction on the database of each device it names, rolled back at
    /// the end. So every input starts from the same sessions and chains (a finding replays as it
    /// was found; Alice's chain does not advance over millions of inputs), and nothing is ever
    /// committed. Open it only once the input reaches a key store: rejected bytes cost no SQL.
    class Input
    {
    public:
        Input(std::initializer_list<TestDevice *> devices);
        ~Input();
        Input(const Input &) = delete;
        Input &operator=(const Input &) = delete;

    private:
        QVarLengthArray<TestDevice *, 2> m_devices;
    };

private:
    UnwrapFixture();

    QTemporaryDir m_dir;
    std::unique_ptr<TestDevice> m_alice;
    std::unique_ptr<TestDevice> m_bob;
};

} // namespace Parley
