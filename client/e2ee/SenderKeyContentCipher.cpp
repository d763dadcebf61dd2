#include "SenderKeyContentCipher.h"

#include "DeviceInbox.h"
#include "EndToEndEncryption.h"
#include "KeyVault.h"
#include "Logging.h"
#include "PendingDecryptions.h"
#include "SenderKeyDistributor.h"
#include "crypto/MessagePadding.h"
#include "crypto/SenderKeyCipher.h"

#include <QtCore/QCoreApplication>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

QFuture<Result<QByteArray>> failed(ErrorCode code, const QString &message)
{
    return QtFuture::makeReadyFuture(Result<QByteArray>(Error{code, message}));
}

QString notAttached()
{
    return QCoreApplication::translate("Parley::SenderKeyContentCipher",
                                       "End-to-end encryption is not running.");
}

Result<QByteArray> resultOf(const PendingDecryptions::Attempt &attempt)
{
    switch (attempt.outcome) {
    case PendingDecryptions::Outcome::Decrypted:
        return attempt.plaintext;
    case PendingDecryptions::Outcome::Waiting:
        return Error{ErrorCode::Unavailable, u"waiting for the sender's key"_s};
    default:
        return Error{ErrorCode::InvalidArgument, PendingDecryptions::explanation(attempt.outcome)};
    }
}

/// One decrypt in one transaction; `keepWaiting`: keep it for later if the key is missing.
QFuture<std::optional<PendingDecryptions::Attempt>> attempt(EndToEndEncryption *e2ee,
                                                            const Envelope &envelope,
                                                            const DeviceAddress &sender,
                                                            bool keepWaiting)
{
    return e2ee->vault()->run<PendingDecryptions::Attempt>(
            [envelope, sender, keepWaiting](VaultTransaction &tx) {
                auto result = PendingDecryptions::decryptEntry(tx, envelope.conversationId,
                                                               envelope.seq, sender, envelope.body);
                if (result.outcome != PendingDecryptions::Outcome::Waiting || keepWaiting)
                    PendingDecryptions::keep(tx, envelope.conversationId, envelope.seq, sender,
                                             envelope.body, result.outcome);
                return result;
            });
}

} // namespace

void SenderKeyContentCipher::attach(EndToEndEncryption *encryption)
{
    m_encryption = encryption;
}

QByteArray SenderKeyContentCipher::bodyOf(const QByteArray &ciphertext)
{
    return QByteArray(1, SenderKeyMessageType) + ciphertext;
}

std::optional<QByteArray> SenderKeyContentCipher::ciphertextOf(const QByteArray &body)
{
    if (body.size() < 2 || body.at(0) != SenderKeyMessageType)
        return std::nullopt;
    return body.mid(1);
}

QFuture<Result<QByteArray>> SenderKeyContentCipher::encrypt(qint64 conversationId,
                                                            const QByteArray &plaintext)
{
    EndToEndEncryption *e2ee = m_encryption;
    if (!e2ee)
        return failed(ErrorCode::Unavailable, notAttached());
    return e2ee->whenReady()
            .then(e2ee,
                  [e2ee, conversationId](bool ready) -> QFuture<void> {
                      if (!ready)
                          return QtFuture::makeReadyFuture();
                      // A member's new identity key must be acknowledged first.
                      return e2ee->whenSendingAllowed(conversationId);
                  })
            .unwrap()
            .then(e2ee,
                  [e2ee, conversationId]() -> QFuture<Status> {
                      if (!e2ee->isReady())
                          return QtFuture::makeReadyFuture(
                                  Status(ErrorCode::NotAllowed, e2ee->errorString()));
                      return e2ee->distributor()->distribute(conversationId);
                  })
            .unwrap()
            .then(e2ee,
                  [e2ee, conversationId, plaintext](const Status &distributed) {
                      if (!distributed) {
                          // NotAllowed: the keys are unusable (final); else try again later.
                          return failed(distributed.error().code == ErrorCode::NotAllowed
                                                ? ErrorCode::NotAllowed
                                                : ErrorCode::Unavailable,
                                        distributed.error().message);
                      }
                      return e2ee->vault()
                              ->run<CryptoResult<QByteArray>>([conversationId,
                                                               plaintext](VaultTransaction &tx) {
                                  SenderKeyCipher cipher(tx.keys);
                                  const auto has = cipher.hasSenderKey(conversationId, tx.self);
                                  if (has && !has.value()) {
                                      // Nobody else to send it to yet; still ours.
                                      const auto created =
                                              cipher.distributionMessage(conversationId, tx.self);
                                      if (!created)
                                          return CryptoResult<QByteArray>(created.error());
                                  }
                                  return cipher.encrypt(conversationId, tx.self,
                                                        MessagePadding::pad(plaintext));
                              })
                              .then([](const std::optional<CryptoResult<QByteArray>> &ciphertext) {
                                  if (!ciphertext)
                                      return Result<QByteArray>(Error{ErrorCode::Unavailable,
                                                                      u"key store not open"_s});
                                  if (!*ciphertext)
                                      return Result<QByteArray>(
                                              Error{ErrorCode::InternalError,
                                                    cryptoErrorString(ciphertext->error())});
                                  return Result<QByteArray>(bodyOf(ciphertext->value()));
                              });
                  })
            .unwrap();
}

QFuture<Result<QByteArray>> SenderKeyContentCipher::decrypt(const Envelope &envelope)
{
    EndToEndEncryption *e2ee = m_encryption;
    if (!e2ee)
        return failed(ErrorCode::Unavailable, notAttached());
    return e2ee->whenReady()
            .then(e2ee,
                  [e2ee, envelope](bool ready) -> QFuture<Result<QByteArray>> {
                      if (!ready)
                          return failed(ErrorCode::Unavailable, e2ee->errorString());
                      const DeviceAddress self = e2ee->vault()->self();
                      if (envelope.senderDeviceId <= 0 || envelope.senderDeviceId > INT32_MAX)
                          return failed(ErrorCode::InvalidArgument, u"no sending device"_s);
                      const DeviceAddress sender{envelope.senderUserId,
                                                 qint32(envelope.senderDeviceId)};
                      if (sender == self) // the outbox has what this device sent
                          return failed(ErrorCode::InvalidArgument, u"sent by this device"_s);
                      return attempt(e2ee, envelope, sender, false)
                              .then(e2ee,
                                    [e2ee, envelope, sender](
                                            const std::optional<PendingDecryptions::Attempt> &first)
                                            -> QFuture<Result<QByteArray>> {
                                        if (!first)
                                            return failed(ErrorCode::Unavailable,
                                                          u"key store not open"_s);
                                        if (first->outcome != PendingDecryptions::Outcome::Waiting)
                                            return QtFuture::makeReadyFuture(resultOf(*first));
                                        // The sender sent its key before this message: it may
                                        // wait in the inbox.
                                        return e2ee->inbox()
                                                ->fetch()
                                                .then(e2ee,
                                                      [e2ee, envelope, sender] {
                                                          return attempt(e2ee, envelope, sender,
                                                                         true);
                                                      })
                                                .unwrap()
                                                .then(e2ee,
                                                      [e2ee, envelope,
                                                       sender](const std::optional<
                                                               PendingDecryptions::Attempt>
                                                                       &second) {
                                                          if (!second)
                                                              return Result<QByteArray>(Error{
                                                                      ErrorCode::Unavailable,
                                                                      u"key store not open"_s});
                                                          if (second->outcome
                                                              == PendingDecryptions::Outcome::
                                                                      Waiting)
                                                              e2ee->distributor()->requestKey(
                                                                      sender,
                                                                      envelope.conversationId);
                                                          return resultOf(*second);
                                                      });
                                    })
                              .unwrap();
                  })
            .unwrap();
}

} // namespace Parley
