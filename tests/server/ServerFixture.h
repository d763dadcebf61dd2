#pragma once

/// What the parleyd integration tests share: a server started for the test case (on SQLite, or
/// on PostgreSQL when the test runs with the `postgres` label), and users made on demand.

#include "ParleydProcess.h"
#include "TestClient.h"
#include "TestLogging.h"

#include <QtTest/QTest>

#include <memory>

namespace Parley {

class ServerFixture
{
public:
    ParleydProcess server;

    /// Empty if the test can run; else the reason to QSKIP.
    static QString skipReason() { return ParleydProcess::postgresUnavailableReason(); }

    static QString password(const QString &username)
    {
        return username + QStringLiteral("-secret");
    }

    QString uniqueName(const QString &prefix = QStringLiteral("user"))
    {
        return prefix + QString::number(++m_counter);
    }

    /// A connected client of a newly registered user; null (with a warning) if that failed.
    std::unique_ptr<TestClient> newUser(const QString &prefix = QStringLiteral("user"))
    {
        auto client = std::make_unique<TestClient>();
        const QString name = uniqueName(prefix);
        auto r = client->connectAndRegister(server.url(), server.fingerprint(), name,
                                            password(name));
        if (!r) {
            qCWarning(lcTestServer) << "could not register" << name << ":" << r.error().message;
            return nullptr;
        }
        client->clear();
        return client;
    }

    /// A connected client that logged in as `username` (a new device).
    std::unique_ptr<TestClient> newDevice(const QString &username)
    {
        auto client = std::make_unique<TestClient>();
        if (!client->open(server.url(), server.fingerprint()) || !client->hello()) {
            qCWarning(lcTestServer) << "could not connect";
            return nullptr;
        }
        auto r = client->login(username, password(username));
        if (!r) {
            qCWarning(lcTestServer) << "could not log in" << username << ":" << r.error().message;
            return nullptr;
        }
        client->clear();
        return client;
    }

    /// A connected client that said hello but did not authenticate.
    std::unique_ptr<TestClient> newConnection()
    {
        auto client = std::make_unique<TestClient>();
        if (!client->open(server.url(), server.fingerprint()) || !client->hello())
            return nullptr;
        return client;
    }

    /// The id of the first error code in a reply (or ErrorCode::None if it was no error).
    static ErrorCode errorOf(const std::optional<RawFrame> &reply)
    {
        if (!reply || reply->type != FrameType::Error)
            return ErrorCode::None;
        auto e = FrameCodec::read<ErrorFrame>(*reply);
        return e ? e->code : ErrorCode::InternalError;
    }

    /// A content message pushed to this client, skipping membership entries.
    static std::optional<Envelope> nextContent(TestClient &client, int timeoutMs = 10000)
    {
        auto frame = client.await(
                [](const RawFrame &f) {
                    if (f.type != FrameType::Message || f.hasId())
                        return false;
                    auto m = FrameCodec::read<MessageFrame>(f);
                    return m && m->envelope.kind == MessageKind::Content;
                },
                timeoutMs);
        if (!frame)
            return std::nullopt;
        return FrameCodec::read<MessageFrame>(*frame)->envelope;
    }

    /// The next membership entry pushed to this client (of that action, if given).
    static std::optional<QPair<Envelope, MembershipEvent>>
    nextMembership(TestClient &client, std::optional<MembershipEvent::Action> action = std::nullopt,
                   int timeoutMs = 10000)
    {
        auto frame = client.await(
                [action](const RawFrame &f) {
                    if (f.type != FrameType::Message || f.hasId())
                        return false;
                    auto m = FrameCodec::read<MessageFrame>(f);
                    if (!m || m->envelope.kind != MessageKind::Membership)
                        return false;
                    auto event = MembershipEvent::fromBytes(m->envelope.body);
                    return event && (!action || event->action == *action);
                },
                timeoutMs);
        if (!frame)
            return std::nullopt;
        const Envelope e = FrameCodec::read<MessageFrame>(*frame)->envelope;
        auto event = MembershipEvent::fromBytes(e.body);
        if (!event)
            return std::nullopt;
        return qMakePair(e, *event);
    }

    /// The next conversation push for `conversationId` (that satisfies `until`, if given).
    static std::optional<Conversation>
    nextConversation(TestClient &client, qint64 conversationId,
                     std::function<bool(const Conversation &)> until = {}, int timeoutMs = 10000)
    {
        auto frame = client.await(
                [conversationId, until](const RawFrame &f) {
                    if (f.type != FrameType::ConversationInfo || f.hasId())
                        return false;
                    auto c = FrameCodec::read<ConversationInfoFrame>(f);
                    return c && c->conversation.id == conversationId
                            && (!until || until(c->conversation));
                },
                timeoutMs);
        if (!frame)
            return std::nullopt;
        return FrameCodec::read<ConversationInfoFrame>(*frame)->conversation;
    }

private:
    int m_counter = 0;
};

} // namespace Parley

/// Skips the whole test case when the backend it should use is not there.
#define PARLEY_SKIP_WITHOUT_BACKEND()                              \
  do {                                                             \
    const QString reason_ = ::Parley::ServerFixture::skipReason(); \
    if (!reason_.isEmpty())                                        \
      QSKIP(qPrintable(reason_));                                  \
  } while (false)
