#include "IdentityStore.h"

#include "Logging.h"
#include "RecordSealer.h"
#include "StoreQuery.h"

#include <QDataStream>
#include <QDateTime>
#include <QIODevice>

#include <utility>

namespace Parley {

namespace {

constexpr char LocalTable[] = "crypto_local_identity";
constexpr char TrustedBinding[] = "crypto_remote_identities";
constexpr char OfferedBinding[] = "crypto_remote_identities.offered";

QByteArray trustedBinding(const QString &name, qint32 deviceId)
{
    return RecordSealer::binding(TrustedBinding, {name, QString::number(deviceId)});
}

QByteArray offeredBinding(const QString &name, qint32 deviceId)
{
    return RecordSealer::binding(OfferedBinding, {name, QString::number(deviceId)});
}

} // namespace

IdentityStore::IdentityStore(StatementCache &statements, const RecordSealer &sealer)
    : m_statements(statements),
      m_sealer(sealer)
{
}

CryptoResult<std::optional<IdentityStore::LocalIdentity>> IdentityStore::localIdentity() const
{
    StoreQuery query(m_statements,
                     QStringLiteral("SELECT record FROM crypto_local_identity WHERE id = 1"));
    const auto payload = query.fetchSealed(m_sealer, RecordSealer::binding(LocalTable, {}));
    if (!payload)
        return payload.error();
    if (!payload.value())
        return std::optional<LocalIdentity>();
    QDataStream stream(*payload.value());
    stream.setVersion(QDataStream::Qt_6_0);
    LocalIdentity identity;
    stream >> identity.registrationId >> identity.publicKey >> identity.privateKey;
    if (stream.status() != QDataStream::Ok || identity.publicKey.isEmpty()
        || identity.privateKey.isEmpty())
        return CryptoError::CorruptRecord;
    return std::optional<LocalIdentity>(identity);
}

CryptoStatus IdentityStore::saveLocalIdentity(const LocalIdentity &identity)
{
    QByteArray payload;
    QDataStream stream(&payload, QIODevice::WriteOnly);
    stream.setVersion(QDataStream::Qt_6_0);
    stream << identity.registrationId << identity.publicKey << identity.privateKey;

    StoreQuery query(m_statements,
                     QStringLiteral("INSERT OR REPLACE INTO crypto_local_identity (id, record)"
                                    " VALUES (1, ?)"));
    query.bind(m_sealer.seal(RecordSealer::binding(LocalTable, {}), payload));
    payload.fill('\0');
    return query.exec();
}

CryptoResult<QByteArray> IdentityStore::trustedIdentity(const DeviceAddress &address) const
{
    return trustedIdentity(address.name(), address.deviceId);
}

CryptoResult<QByteArray> IdentityStore::trustedIdentity(const QString &name, qint32 deviceId) const
{
    StoreQuery query(m_statements,
                     QStringLiteral("SELECT record FROM crypto_remote_identities"
                                    " WHERE name = ? AND device_id = ?"));
    query.bind(name).bind(deviceId);
    const auto trusted = query.fetchSealed(m_sealer, trustedBinding(name, deviceId));
    if (!trusted)
        return trusted.error();
    return trusted.value().value_or(QByteArray());
}

CryptoResult<bool> IdentityStore::isTrusted(const QString &name, qint32 deviceId,
                                            const QByteArray &key)
{
    CryptoResult<QByteArray> trusted = trustedIdentity(name, deviceId);
    if (!trusted)
        return trusted.error();
    if (trusted.value().isEmpty() || trusted.value() == key)
        return true;

    const Offer offer{name, deviceId, key};
    m_recentOffers.append(offer);
    if (CryptoStatus status = recordOffer(offer); !status)
        return status.error();
    qCInfo(lcCrypto).noquote() << "identity key of device" << name << deviceId
                               << "changed; untrusted until acknowledged";
    return false;
}

CryptoStatus IdentityStore::recordOffer(const Offer &offer)
{
    StoreQuery current(m_statements,
                       QStringLiteral("SELECT offered_record FROM crypto_remote_identities"
                                      " WHERE name = ? AND device_id = ?"));
    current.bind(offer.name).bind(offer.deviceId);
    if (CryptoStatus status = current.exec(); !status)
        return status;
    if (!current.next())
        return CryptoError::InvalidArgument;
    const QByteArray sealedOffer = current.value(0).toByteArray();
    if (!sealedOffer.isEmpty()) {
        CryptoResult<QByteArray> earlier =
                m_sealer.open(offeredBinding(offer.name, offer.deviceId), sealedOffer);
        if (!earlier)
            return earlier.error();
        if (earlier.value() == offer.key)
            return {}; // already recorded: keep the time it was first seen
    }

    StoreQuery update(m_statements,
                      QStringLiteral("UPDATE crypto_remote_identities SET offered_record = ?,"
                                     " offered_at = ? WHERE name = ? AND device_id = ?"));
    update.bind(m_sealer.seal(offeredBinding(offer.name, offer.deviceId), offer.key))
            .bind(QDateTime::currentMSecsSinceEpoch())
            .bind(offer.name)
            .bind(offer.deviceId);
    return update.exec();
}

CryptoStatus IdentityStore::saveTrusted(const QString &name, qint32 deviceId, const QByteArray &key)
{
    CryptoResult<QByteArray> trusted = trustedIdentity(name, deviceId);
    if (!trusted)
        return trusted.error();
    // libsignal saves the key after every session it builds; an unchanged key must not
    // clear a pending offer of a different one.
    if (trusted.value() == key)
        return {};

    StoreQuery query(m_statements,
                     QStringLiteral("INSERT OR REPLACE INTO crypto_remote_identities"
                                    " (name, device_id, record, offered_record, offered_at)"
                                    " VALUES (?, ?, ?, NULL, NULL)"));
    query.bind(name).bind(deviceId).bind(m_sealer.seal(trustedBinding(name, deviceId), key));
    return query.exec();
}

CryptoStatus IdentityStore::forget(const QString &name, qint32 deviceId)
{
    StoreQuery query(m_statements,
                     QStringLiteral("DELETE FROM crypto_remote_identities"
                                    " WHERE name = ? AND device_id = ?"));
    query.bind(name).bind(deviceId);
    return query.exec();
}

CryptoResult<QList<IdentityChange>> IdentityStore::changedIdentities() const
{
    StoreQuery query(m_statements,
                     QStringLiteral("SELECT name, device_id, record, offered_record, offered_at"
                                    " FROM crypto_remote_identities"
                                    " WHERE offered_record IS NOT NULL"
                                    " ORDER BY offered_at, name, device_id"));
    if (CryptoStatus status = query.exec(); !status)
        return status.error();

    QList<IdentityChange> changes;
    while (query.next()) {
        const QString name = query.value(0).toString();
        const qint32 deviceId = query.value(1).toInt();
        CryptoResult<QByteArray> trusted =
                m_sealer.open(trustedBinding(name, deviceId), query.value(2).toByteArray());
        if (!trusted)
            return trusted.error();
        CryptoResult<QByteArray> offered =
                m_sealer.open(offeredBinding(name, deviceId), query.value(3).toByteArray());
        if (!offered)
            return offered.error();
        IdentityChange change;
        change.address = DeviceAddress{name.toLongLong(), deviceId};
        change.trustedKey = trusted.value();
        change.offeredKey = offered.value();
        change.detectedAt = QDateTime::fromMSecsSinceEpoch(query.value(4).toLongLong(), Qt::UTC);
        changes.append(change);
    }
    return changes;
}

CryptoStatus IdentityStore::acceptOfferedIdentity(const DeviceAddress &address)
{
    const QString name = address.name();
    StoreQuery query(m_statements,
                     QStringLiteral("SELECT offered_record FROM crypto_remote_identities"
                                    " WHERE name = ? AND device_id = ?"
                                    " AND offered_record IS NOT NULL"));
    query.bind(name).bind(address.deviceId);
    if (CryptoStatus status = query.exec(); !status)
        return status;
    if (!query.next())
        return CryptoError::InvalidArgument;
    CryptoResult<QByteArray> offered =
            m_sealer.open(offeredBinding(name, address.deviceId), query.value(0).toByteArray());
    if (!offered)
        return offered.error();
    qCInfo(lcCrypto).noquote() << "new identity key of device" << address.toString()
                               << "acknowledged";
    return saveTrusted(name, address.deviceId, offered.value());
}

CryptoStatus IdentityStore::rewriteOffers()
{
    const QList<Offer> offers = std::exchange(m_recentOffers, {});
    for (const Offer &offer : offers) {
        if (CryptoStatus status = recordOffer(offer); !status)
            return status;
    }
    return {};
}

void IdentityStore::clearOffers()
{
    m_recentOffers.clear();
}

} // namespace Parley
