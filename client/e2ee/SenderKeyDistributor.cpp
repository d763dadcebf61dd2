#include "SenderKeyDistributor.h"

#include "DeviceDirectory.h"
#include "DistributionPlan.h"
#include "DeviceMessage.h"
#include "Logging.h"
#include "crypto/PairwiseCipher.h"
#include "crypto/SenderKeyCipher.h"
#include "net/Connection.h"
#include "protocol/Limits.h"
#include "store/MessageStore.h"

#include <QtCore/QDateTime>
#include <QtCore/QSet>
#include <QtCore/QStringList>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 RequestIntervalMs = 60 * 1000;

} // namespace

SenderKeyDistributor::SenderKeyDistributor(KeyVault *vault, Connection *connection,
                                           MessageStore *store, DeviceDirectory *directory,
                                           QObject *parent)
    : QObject(parent),
      m_vault(vault),
      m_connection(connection),
      m_store(store),
      m_directory(directory),
      m_queue(this)
{
}

SenderKeyDistributor::~SenderKeyDistributor() = default;

void SenderKeyDistributor::setEnabled(bool enabled)
{
    if (enabled == m_enabled)
        return;
    m_enabled = enabled;
    if (!enabled)
        return;
    const auto waiting = std::exchange(m_waiting, {});
    for (const auto &promise : waiting) {
        promise->addResult(Status());
        promise->finish();
    }
}

void SenderKeyDistributor::reset()
{
    ++m_generation;
    m_enabled = false;
    m_requestedAt.clear();
    const auto waiting = std::exchange(m_waiting, {});
    for (const auto &promise : waiting) {
        promise->addResult(Status(ErrorCode::Unavailable, tr("Logged out.")));
        promise->finish();
    }
}

QFuture<Status> SenderKeyDistributor::whenEnabled()
{
    if (m_enabled)
        return QtFuture::makeReadyFuture(Status());
    auto promise = std::make_shared<QPromise<Status>>();
    promise->start();
    m_waiting.append(promise);
    return promise->future();
}

QFuture<Status> SenderKeyDistributor::distribute(qint64 conversationId)
{
    return m_queue.add<Status>([this, conversationId] {
        return whenEnabled()
                .then(this,
                      [this, conversationId](const Status &enabled) {
                          if (!enabled)
                              return QtFuture::makeReadyFuture(enabled);
                          return distributeNow(conversationId, 0);
                      })
                .unwrap();
    });
}

QFuture<Status> SenderKeyDistributor::distributeNow(qint64 conversationId, int attempt)
{
    const DeviceAddress self = m_vault->self();
    return m_store->conversationSummary(conversationId, self.userId)
            .then(this,
                  [this, conversationId, attempt,
                   self](const std::optional<ConversationSummary> &summary) -> QFuture<Status> {
                      if (!summary || !summary->isMember)
                          return QtFuture::makeReadyFuture(Status());
                      QList<qint64> users;
                      for (const Member &m : summary->conversation.members)
                          users.append(m.userId);
                      if (!users.contains(self.userId))
                          users.append(self.userId);
                      return m_directory->ensureKnown(users)
                              .then(this,
                                    [this, conversationId, attempt,
                                     users](const Status &known) -> QFuture<Status> {
                                        if (!known)
                                            return QtFuture::makeReadyFuture(known);
                                        const bool mayAsk = attempt == 0;
                                        return m_vault
                                                ->run<DistributionPlan>(
                                                        [conversationId, users,
                                                         mayAsk](VaultTransaction &tx) {
                                                            return makePlan(tx, conversationId,
                                                                            users, mayAsk);
                                                        })
                                                .then(this,
                                                      [this, conversationId, attempt,
                                                       users](const std::optional<DistributionPlan>
                                                                      &plan) {
                                                          if (!plan)
                                                              return QtFuture::makeReadyFuture(
                                                                      Status(ErrorCode::Unavailable,
                                                                             tr("The key store is "
                                                                                "not open.")));
                                                          return continueWithPlan(conversationId,
                                                                                  attempt, users,
                                                                                  *plan);
                                                      })
                                                .unwrap();
                                    })
                              .unwrap();
                  })
            .unwrap();
}

QFuture<Status> SenderKeyDistributor::continueWithPlan(qint64 conversationId, int attempt,
                                                       const QList<qint64> &users,
                                                       const DistributionPlan &plan)
{
    if (!plan.needBundles.isEmpty()) {
        // Member devices without a session: their bundles, then plan again (once).
        return m_directory->refresh(plan.needBundles)
                .then(this,
                      [this, conversationId](const Status &) {
                          return distributeNow(conversationId, 1);
                      })
                .unwrap();
    }
    if (plan.deliveries.isEmpty())
        return QtFuture::makeReadyFuture(Status());
    return send(plan.deliveries)
            .then(this,
                  [this, conversationId, attempt, users, plan](const Status &sent) {
                      if (!sent && sent.error().code == ErrorCode::NoSuchDevice && attempt < 2) {
                          // A device was revoked since we last looked: fetch the lists again
                          // (which forgets it), then start over; the key rotates if it had it.
                          QList<qint64> targetUsers;
                          for (const DeviceAddress &d : plan.targets) {
                              if (!targetUsers.contains(d.userId))
                                  targetUsers.append(d.userId);
                          }
                          return m_directory->refresh(targetUsers)
                                  .then(this,
                                        [this, conversationId, attempt](const Status &) {
                                            return distributeNow(conversationId, attempt + 1);
                                        })
                                  .unwrap();
                      }
                      if (!sent) {
                          qCInfo(lcClientE2ee) << "sender key of conversation" << conversationId
                                               << "not sent:" << errorCodeName(sent.error().code);
                          return QtFuture::makeReadyFuture(sent);
                      }
                      return m_vault
                              ->run<bool>([conversationId, plan](VaultTransaction &tx) {
                                  QSqlQuery q(QSqlDatabase::database(tx.connectionName, false));
                                  q.prepare(u"INSERT OR REPLACE INTO e2ee_key_recipients (conv,"
                                            " generation, user_id, device_id, distribution)"
                                            " VALUES (?, ?, ?, ?, ?)"_s);
                                  for (qsizetype i = 0; i < plan.targets.size(); ++i) {
                                      const DeviceAddress &d = plan.targets.at(i);
                                      q.addBindValue(conversationId);
                                      q.addBindValue(plan.generation);
                                      q.addBindValue(d.userId);
                                      q.addBindValue(qint64(d.deviceId));
                                      q.addBindValue(plan.sealedDistributions.at(i));
                                      if (!q.exec()) {
                                          tx.rollback = true;
                                          return false;
                                      }
                                  }
                                  return true;
                              })
                              .then(this, [this, conversationId, plan](std::optional<bool> kept) {
                                  if (!kept || !*kept)
                                      return Status(ErrorCode::StorageError,
                                                    tr("The key store could not be written."));
                                  qCInfo(lcClientE2ee)
                                          << "sender key of conversation" << conversationId
                                          << "sent to" << plan.targets.size() << "devices";
                                  Q_EMIT distributed(conversationId, plan.targets);
                                  return Status();
                              });
                  })
            .unwrap();
}

QFuture<Status> SenderKeyDistributor::send(const QList<InboxDelivery> &deliveries)
{
    QList<QFuture<Result<RawFrame>>> replies;
    for (qsizetype i = 0; i < deliveries.size(); i += MaxInboxItemsPerSend)
        replies.append(
                m_connection->request(InboxSendFrame{deliveries.mid(i, MaxInboxItemsPerSend)}));
    return QtFuture::whenAll(replies.begin(), replies.end())
            .then(this, [](const QList<QFuture<Result<RawFrame>>> &done) {
                for (const auto &reply : done) {
                    if (reply.isCanceled() || reply.resultCount() == 0)
                        return Status(ErrorCode::Unavailable, QString());
                    if (!reply.result())
                        return Status(reply.result().error());
                }
                return Status();
            });
}

void SenderKeyDistributor::distributeAll()
{
    const quint64 generation = m_generation;
    m_store->conversationSummaries(m_vault->self().userId)
            .then(this, [this, generation](const QList<ConversationSummary> &summaries) {
                if (generation != m_generation)
                    return;
                for (const ConversationSummary &s : summaries) {
                    if (s.isMember)
                        distribute(s.conversation.id);
                }
            });
}

void SenderKeyDistributor::distributeWhereMember(qint64 userId)
{
    const quint64 generation = m_generation;
    m_store->conversationSummaries(m_vault->self().userId)
            .then(this, [this, generation, userId](const QList<ConversationSummary> &summaries) {
                if (generation != m_generation)
                    return;
                for (const ConversationSummary &s : summaries) {
                    if (s.isMember && s.conversation.member(userId))
                        distribute(s.conversation.id);
                }
            });
}

void SenderKeyDistributor::answerRequest(const DeviceAddress &from,
                                         const QList<qint64> &conversationIds)
{
    for (qint64 conversationId : conversationIds) {
        m_queue.add<Status>([this, from, conversationId] {
            return whenEnabled()
                    .then(this,
                          [this, from, conversationId](const Status &enabled) {
                              if (!enabled)
                                  return QtFuture::makeReadyFuture(enabled);
                              return answerOne(from, conversationId);
                          })
                    .unwrap();
        });
    }
}

QFuture<Status> SenderKeyDistributor::answerOne(const DeviceAddress &from, qint64 conversationId)
{
    return m_store->conversationSummary(conversationId, m_vault->self().userId)
            .then(this,
                  [this, from, conversationId](
                          const std::optional<ConversationSummary> &summary) -> QFuture<Status> {
                      if (!summary || !summary->isMember
                          || !summary->conversation.member(from.userId)) {
                          qCInfo(lcClientE2ee).noquote()
                                  << "refused a sender key request of" << from.toString()
                                  << "for conversation" << conversationId << ": not a member";
                          Q_EMIT requestAnswered(from, conversationId, false);
                          return QtFuture::makeReadyFuture(Status());
                      }
                      // What it was sent before, exactly; if nothing, a normal distribution
                      // (which reaches it if it is a known member device).
                      return m_vault
                              ->run<std::optional<InboxDelivery>>([from, conversationId](
                                                                          VaultTransaction &tx)
                                                                          -> std::optional<
                                                                                  InboxDelivery> {
                                  QSqlQuery q(QSqlDatabase::database(tx.connectionName, false));
                                  const qint64 generation = generationOf(q, conversationId);
                                  q.prepare(u"SELECT distribution FROM e2ee_key_recipients"
                                            " WHERE conv = ? AND generation = ? AND"
                                            " user_id = ? AND device_id = ?"_s);
                                  q.addBindValue(conversationId);
                                  q.addBindValue(generation);
                                  q.addBindValue(from.userId);
                                  q.addBindValue(qint64(from.deviceId));
                                  if (!q.exec() || !q.next())
                                      return std::nullopt;
                                  const auto distribution = tx.sealer.open(
                                          distributionBinding(conversationId, generation),
                                          q.value(0).toByteArray());
                                  if (!distribution)
                                      return std::nullopt;
                                  DeviceMessage message;
                                  message.senderKeys.append({conversationId, distribution.value()});
                                  return seal(tx, from, message);
                              })
                              .then(this,
                                    [this, from, conversationId](
                                            const std::optional<std::optional<InboxDelivery>>
                                                    &delivery) {
                                        Q_EMIT requestAnswered(from, conversationId, true);
                                        if (delivery && *delivery)
                                            return send({**delivery});
                                        return distributeNow(conversationId, 0);
                                    })
                              .unwrap();
                  })
            .unwrap();
}

void SenderKeyDistributor::requestKey(const DeviceAddress &sender, qint64 conversationId)
{
    const QString key = u"%1:%2"_s.arg(conversationId).arg(sender.toString());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now - m_requestedAt.value(key, 0) < RequestIntervalMs)
        return;
    m_requestedAt.insert(key, now);
    qCInfo(lcClientE2ee).noquote()
            << "asking" << sender.toString() << "for its sender key of" << conversationId;
    m_queue.add<Status>([this, sender, conversationId] {
        return whenEnabled()
                .then(this,
                      [this, sender, conversationId](const Status &enabled) {
                          if (!enabled)
                              return QtFuture::makeReadyFuture(enabled);
                          return sendRequest(sender, conversationId, 0);
                      })
                .unwrap();
    });
}

QFuture<Status> SenderKeyDistributor::sendRequest(const DeviceAddress &sender,
                                                  qint64 conversationId, int attempt)
{
    return m_vault
            ->run<std::optional<InboxDelivery>>([sender, conversationId](VaultTransaction &tx) {
                const CryptoResult<bool> has = PairwiseCipher(tx.keys).hasSession(sender);
                if (!has || !has.value())
                    return std::optional<InboxDelivery>();
                DeviceMessage message;
                message.keyRequests.append(conversationId);
                return seal(tx, sender, message);
            })
            .then(this,
                  [this, sender, conversationId,
                   attempt](const std::optional<std::optional<InboxDelivery>> &delivery) {
                      if (delivery && *delivery)
                          return send({**delivery});
                      if (attempt > 0 || !delivery)
                          return QtFuture::makeReadyFuture(
                                  Status(ErrorCode::NoSuchDevice, QString()));
                      return m_directory->refresh(sender.userId)
                              .then(this,
                                    [this, sender, conversationId](const Status &) {
                                        return sendRequest(sender, conversationId, 1);
                                    })
                              .unwrap();
                  })
            .unwrap();
}

void SenderKeyDistributor::announceRevocation(qint64 deviceId)
{
    const DeviceAddress self = m_vault->self();
    const DeviceAddress revoked{self.userId, qint32(deviceId)};
    m_queue.add<Status>([this, self, revoked] {
        return whenEnabled()
                .then(this,
                      [this, self, revoked](const Status &) {
                          return m_store->conversationSummaries(self.userId);
                      })
                .unwrap()
                .then(this,
                      [this, self, revoked](const QList<ConversationSummary> &summaries) {
                          QList<qint64> users{self.userId};
                          for (const ConversationSummary &s : summaries) {
                              for (const Member &m : s.conversation.members) {
                                  if (!users.contains(m.userId))
                                      users.append(m.userId);
                              }
                          }
                          return m_vault
                                  ->run<QList<InboxDelivery>>(
                                          [users, revoked](VaultTransaction &tx) {
                                              DeviceDirectory::forget(tx, revoked);
                                              DeviceMessage message;
                                              message.revokedDevices.append(revoked.deviceId);
                                              QList<InboxDelivery> deliveries;
                                              for (const DeviceAddress &d :
                                                   DeviceDirectory::devicesOf(tx, users)) {
                                                  if (auto delivery = seal(tx, d, message))
                                                      deliveries.append(*delivery);
                                              }
                                              return deliveries;
                                          })
                                  .then(this,
                                        [this](const std::optional<QList<InboxDelivery>> &d) {
                                            if (!d || d->isEmpty())
                                                return QtFuture::makeReadyFuture(Status());
                                            return send(*d);
                                        })
                                  .unwrap();
                      })
                .unwrap()
                .then(this, [this](const Status &status) {
                    distributeAll(); // rotates: the revoked device had this device's keys
                    return status;
                });
    });
}

} // namespace Parley
