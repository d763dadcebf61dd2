#pragma once

/// One simulated device for crypto tests: its own SQLite file, key store and identity.

#include "crypto/CryptoResult.h"
#include "crypto/DeviceAddress.h"
#include "crypto/DeviceIdentity.h"
#include "crypto/KeyStore.h"
#include "crypto/PairwiseCipher.h"
#include "crypto/PreKeyBundle.h"
#include "crypto/SenderKeyCipher.h"
#include "crypto/SignalContext.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace Parley {

//! \brief A device as the client runs it: an SQLite connection opened on the test thread, a
//! SignalContext and a KeyStore on it, and the bundle it published to a pretend server.
//!
//! close() then open() is a restart: the connection is removed and the file reopened.
class TestDevice
{
public:
    //! The device's database lives in \a directory; \a storageKey defaults to a fresh one.
    TestDevice(const QString &directory, const DeviceAddress &address,
               const QByteArray &storageKey = {});
    ~TestDevice();

    //! Opens the SQLite file and the key store with \a storageKey (the device's own by
    //! default).
    CryptoStatus open();
    CryptoStatus open(const QByteArray &storageKey);
    //! Closes the key store and removes the connection, as quitting the client does.
    void close();

    //! Generates the identity with \a preKeyCount one-time pre-keys and publishes the bundle.
    CryptoStatus createIdentity(int preKeyCount = 10);
    //! What the server hands out for one session: the published bundle with one pre-key,
    //! removed from the published stock (none once it is empty).
    PreKeyBundle handOutBundle();

    KeyStore &store() { return *m_store; }
    SignalContext &signalContext() { return *m_context; }
    DeviceIdentity identity() { return DeviceIdentity(*m_store); }
    PairwiseCipher pairwise() { return PairwiseCipher(*m_store); }
    SenderKeyCipher senderKeys() { return SenderKeyCipher(*m_store); }

    const DeviceAddress address;
    const QString connectionName;
    const QString databasePath;
    const QByteArray storageKey;
    PreKeyBundle published;

private:
    std::unique_ptr<SignalContext> m_context;
    std::unique_ptr<KeyStore> m_store;
};

} // namespace Parley
