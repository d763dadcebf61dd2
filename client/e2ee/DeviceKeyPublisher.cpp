#include "DeviceKeyPublisher.h"

#include "Logging.h"
#include "crypto/DeviceIdentity.h"
#include "net/Connection.h"
#include "protocol/Limits.h"

#include <QtCore/QTimer>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

namespace Parley {

using namespace Qt::StringLiterals;

/// An uploadKeys request to make, read from the key store.
struct DeviceKeyPublisher::Upload
{
    bool ok = false;
    bool needed = false;
    UploadKeysFrame frame;
};

namespace {

constexpr int RotationCheckMs = 24 * 60 * 60 * 1000;

UploadKeysFrame frameOf(const PreKeyBundle &bundle, const QList<PreKeyPublic> &preKeys)
{
    UploadKeysFrame frame;
    frame.registrationId = bundle.registrationId;
    frame.identityKey = bundle.identityKey;
    frame.signedPreKey = SignedPreKey{bundle.signedPreKey.id, bundle.signedPreKey.publicKey,
                                      bundle.signedPreKey.signature};
    for (const PreKeyPublic &key : preKeys)
        frame.preKeys.append(OneTimePreKey{key.id, key.publicKey});
    return frame;
}

qint64 metaValue(VaultTransaction &tx, const QString &key)
{
    QSqlQuery q(QSqlDatabase::database(tx.connectionName, false));
    q.prepare(u"SELECT value FROM e2ee_meta WHERE key = ?"_s);
    q.addBindValue(key);
    return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
}

bool isPublishedIn(VaultTransaction &tx)
{
    return metaValue(tx, u"published"_s) == 1;
}

} // namespace

DeviceKeyPublisher::DeviceKeyPublisher(KeyVault *vault, Connection *connection, QObject *parent)
    : QObject(parent),
      m_vault(vault),
      m_connection(connection),
      m_rotationTimer(new QTimer(this))
{
    m_rotationTimer->setInterval(RotationCheckMs);
    connect(m_rotationTimer, &QTimer::timeout, this, &DeviceKeyPublisher::rotateIfDue);
}

void DeviceKeyPublisher::reset()
{
    ++m_generation;
    m_published = false;
    m_publishing = false;
    m_rotationTimer->stop();
}

void DeviceKeyPublisher::publish()
{
    if (m_publishing || !m_vault->isReady() || !m_connection->isReady())
        return;
    if (m_published) {
        rotateIfDue();
        return;
    }
    m_publishing = true;
    const quint64 generation = m_generation;
    m_vault->run<Upload>([](VaultTransaction &tx) {
               Upload upload;
               DeviceIdentity identity(tx.keys);
               const CryptoResult<bool> exists = identity.exists();
               if (!exists)
                   return upload;
               if (!exists.value()) {
                   qCInfo(lcClientE2ee) << "generating this device's identity";
                   const CryptoResult<PreKeyBundle> created = identity.create(DefaultPreKeyCount);
                   if (!created) {
                       tx.rollback = true;
                       return upload;
                   }
                   upload.frame = frameOf(created.value(), created.value().preKeys);
               } else {
                   upload.ok = true;
                   if (isPublishedIn(tx))
                       return upload; // nothing to do
                   const CryptoResult<PreKeyBundle> bundle = identity.publicBundle();
                   if (!bundle)
                       return Upload{};
                   upload.frame = frameOf(bundle.value(),
                                          bundle.value().preKeys.mid(0, MaxPreKeysPerUpload));
               }
               upload.ok = true;
               upload.needed = true;
               return upload;
           })
            .then(this, [this, generation](const std::optional<Upload> &upload) {
                if (generation != m_generation)
                    return;
                if (!upload || !upload->ok) {
                    m_publishing = false;
                    qCWarning(lcClientE2ee) << "this device's keys could not be read";
                    return;
                }
                auto done = [this, generation] {
                    if (generation != m_generation)
                        return;
                    m_publishing = false;
                    m_published = true;
                    m_rotationTimer->start();
                    Q_EMIT published();
                    rotateIfDue();
                };
                if (!upload->needed) {
                    done();
                    return;
                }
                this->upload(*upload, done);
            });
}

void DeviceKeyPublisher::upload(const Upload &upload, std::function<void()> then)
{
    const quint64 generation = m_generation;
    qCInfo(lcClientE2ee) << "uploading keys:" << upload.frame.preKeys.size() << "one-time pre-keys";
    m_connection->request(upload.frame)
            .then(this,
                  [this, generation, then, frame = upload.frame](const Result<RawFrame> &reply) {
                      if (generation != m_generation)
                          return;
                      if (!reply) {
                          // Tried again at the next connect (publish) or keysLow.
                          qCWarning(lcClientE2ee)
                                  << "key upload failed:" << errorCodeName(reply.error().code);
                          m_publishing = false;
                          return;
                      }
                      const qint64 signedPreKey = frame.signedPreKey.id;
                      m_vault->run<bool>([signedPreKey](VaultTransaction &tx) {
                                 QSqlQuery q(QSqlDatabase::database(tx.connectionName, false));
                                 q.prepare(u"INSERT OR REPLACE INTO e2ee_meta (key, value) VALUES"
                                           " ('published', 1), ('signed_pre_key_published', ?)"_s);
                                 q.addBindValue(signedPreKey);
                                 return q.exec();
                             })
                              .then(this, [then](const std::optional<bool> &) { then(); });
                  });
}

void DeviceKeyPublisher::replenish(int remaining)
{
    if (!m_vault->isReady() || !m_connection->isReady())
        return;
    qCInfo(lcClientE2ee) << "the server has" << remaining << "one-time pre-keys left";
    const quint64 generation = m_generation;
    m_vault->run<Upload>([](VaultTransaction &tx) {
               Upload upload;
               DeviceIdentity identity(tx.keys);
               const CryptoResult<PreKeyBundle> bundle = identity.publicBundle();
               if (!bundle)
                   return upload;
               const CryptoResult<QList<PreKeyPublic>> fresh =
                       identity.generatePreKeys(PreKeyBatch);
               if (!fresh) {
                   tx.rollback = true;
                   return upload;
               }
               upload.ok = upload.needed = true;
               upload.frame = frameOf(bundle.value(), fresh.value());
               return upload;
           })
            .then(this, [this, generation](const std::optional<Upload> &upload) {
                if (generation != m_generation || !upload || !upload->needed)
                    return;
                const int count = int(upload->frame.preKeys.size());
                this->upload(*upload, [this, count] { Q_EMIT preKeysReplenished(count); });
            });
}

void DeviceKeyPublisher::rotateIfDue()
{
    if (!m_published || !m_vault->isReady() || !m_connection->isReady())
        return;
    const quint64 generation = m_generation;
    m_vault->run<Upload>([](VaultTransaction &tx) {
               Upload upload;
               DeviceIdentity identity(tx.keys);
               const auto rotated = identity.rotateSignedPreKey(
                       std::chrono::duration_cast<std::chrono::milliseconds>(SignedPreKeyMaxAge));
               if (!rotated) {
                   tx.rollback = true;
                   return upload;
               }
               upload.ok = true;
               const CryptoResult<PreKeyBundle> bundle = identity.publicBundle();
               if (!bundle) {
                   tx.rollback = true;
                   return Upload{};
               }
               if (rotated.value())
                   qCInfo(lcClientE2ee)
                           << "signed pre-key" << rotated.value()->id << "replaces the old one";
               // Also when an earlier rotation's upload did not get through.
               if (metaValue(tx, u"signed_pre_key_published"_s) == bundle.value().signedPreKey.id)
                   return upload;
               upload.needed = true;
               upload.frame = frameOf(bundle.value(), {});
               return upload;
           })
            .then(this, [this, generation](const std::optional<Upload> &upload) {
                if (generation != m_generation || !upload || !upload->needed)
                    return;
                this->upload(*upload, [this] { Q_EMIT signedPreKeyRotated(); });
            });
}

} // namespace Parley
