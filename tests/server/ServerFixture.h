#pragma once

/// What the parleyd integration tests share: a parleyd started for the test case (on SQLite, or
/// on PostgreSQL when the test runs with the `postgres` label), users, devices and
/// conversations made on demand, and the pushes a test waits for. A test that needs a server
/// with other options makes a second ServerFixture and starts it with those.

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

    /// Starts the server with these options (on the backend of the test's label).
    bool start(const QStringList &arguments = {})
    {
        if (!arguments.isEmpty())
            server.setArguments(arguments);
        return server.start();
    }

    /// Stops the server if it runs; false if it did not stop cleanly.
    bool stop() { return !server.isRunning() || server.stop(); }

    /// In cleanup(): after a failed test function, the end of parleyd's log (all of it by
    /// default), so that the failure can be read next to what the server did.
    void logIfFailed(qsizetype tailBytes = -1) const
    {
        if (!QTest::currentTestFailed())
            return;
        const QByteArray log = server.log();
        qCWarning(lcTestServer).noquote() << "parleyd log:\n"
                                          << (tailBytes < 0 ? log : log.right(tailBytes));
    }

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
        return registerUser(uniqueName(prefix));
    }

    /// A connected client of the user registered now as exactly `username` (with
    /// password(username)); null (with a warning) if that failed.
    std::unique_ptr<TestClient> registerUser(const QString &username)
    {
        auto client = std::make_unique<TestClient>();
        auto r = client->connectAndRegister(server.url(), server.fingerprint(), username,
                                            password(username));
        if (!r) {
            qCWarning(lcTestServer) << "could not register" << username << ":" << r.error().message;
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

    /// Connects `client` again and resumes its device with `token`.
    bool reconnect(TestClient &client, const QByteArray &token)
    {
        if (!client.open(server.url(), server.fingerprint()) || !client.hello())
            return false;
        auto resumed = client.resume(token);
        if (!resumed)
            qCWarning(lcTestServer) << "resume failed:" << resumed.error().message;
        return bool(resumed);
    }

    /// The direct chat of `a` with `b` (made by `a`); 0 if that failed.
    static qint64 direct(TestClient &a, const TestClient &b)
    {
        auto c = a.call<ConversationInfoFrame>(CreateDirectFrame{b.account().userId});
        return c ? c->conversation.id : 0;
    }

    /// A group `owner` made with `members`; an empty Conversation (with a warning) if that
    /// failed.
    static Conversation group(TestClient &owner, const QString &title,
                              const QList<TestClient *> &members)
    {
        QList<qint64> ids;
        for (TestClient *m : members)
            ids.append(m->account().userId);
        auto created = owner.call<ConversationInfoFrame>(CreateGroupFrame{title, ids});
        if (!created) {
            qCWarning(lcTestServer) << "createGroup failed:" << created.error().message;
            return {};
        }
        return created->conversation;
    }

    /// Sends `body` into the conversation; its client id (empty if not sent) and its seq.
    static QByteArray send(TestClient &from, qint64 conversation, const QByteArray &body,
                           qint64 *seq = nullptr)
    {
        const QByteArray clientId = TestClient::newClientId();
        auto sent = from.call<SentFrame>(SendFrame{conversation, clientId, body});
        if (seq)
            *seq = sent ? sent->seq : 0;
        return sent ? clientId : QByteArray();
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

/// In initTestCase(): skips without the backend, else starts the fixture's server with the
/// options given (if any), failing with parleyd's log if it does not start.
#define PARLEY_START_SERVER(fixture, ...)                                       \
  do {                                                                          \
    PARLEY_SKIP_WITHOUT_BACKEND();                                              \
    QVERIFY2((fixture).start(__VA_ARGS__), (fixture).server.log().constData()); \
  } while (false)

/// Stops a fixture's server, failing with parleyd's log if it does not stop cleanly.
#define PARLEY_STOP_SERVER(fixture) QVERIFY2((fixture).stop(), (fixture).server.log().constData())
