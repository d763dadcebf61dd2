#pragma once

/// Publishes this device's public keys: the first bundle, one-time pre-keys when the server
/// says the stock runs low, and a new signed pre-key every week.
///
/// On the first login of a device the identity is generated (DeviceIdentity::create, 100
/// one-time pre-keys) and uploaded; `published` in e2ee_meta says the server has it, so a crash
/// before the upload's ok uploads again at the next start. keysLow is answered with
/// PreKeyBatch new one-time pre-keys. The signed pre-key is checked at every connect and once a
/// day while connected, and replaced when it is older than SignedPreKeyMaxAge. Lives on the GUI
/// thread.

#include "KeyVault.h"

#include <QtCore/QObject>

#include <chrono>

class QTimer;

namespace Parley {

class Connection;

class DeviceKeyPublisher : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::hours SignedPreKeyMaxAge{7 * 24};
    static constexpr int PreKeyBatch = 100;

    DeviceKeyPublisher(KeyVault *vault, Connection *connection, QObject *parent = nullptr);

    /// Generates the identity if there is none and uploads what the server lacks; rotates the
    /// signed pre-key if it is due. published() follows once the server has this device's keys.
    void publish();
    /// The server's keysLow push: upload PreKeyBatch more one-time pre-keys.
    void replenish(int remaining);
    bool isPublished() const { return m_published; }
    void reset();

Q_SIGNALS:
    void published();
    /// The signed pre-key was replaced and the new one uploaded.
    void signedPreKeyRotated();
    /// More one-time pre-keys were uploaded after a keysLow.
    void preKeysReplenished(int count);

private:
    struct Upload;

    void upload(const Upload &upload, std::function<void()> then);
    void rotateIfDue();

    KeyVault *m_vault;
    Connection *m_connection;
    QTimer *m_rotationTimer;
    bool m_published = false;
    bool m_publishing = false;
    quint64 m_generation = 0;
};

} // namespace Parley
