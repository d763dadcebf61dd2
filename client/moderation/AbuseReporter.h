#pragma once

/// Files abuse reports with the server's admins (docs/protocol.md, `report`), the way Signal
/// and WhatsApp do: of the reporter's own free will, this device reads the chosen messages'
/// plaintext from its own cache and discloses it with the report; nothing else leaves the
/// end-to-end encryption. Says how the last report went (state, statusText) for the dialog
/// that sent it. Made by Client; Chat and Client forward their report verbs to it. GUI thread.

#include "model/Report.h"
#include "protocol/Result.h"

#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtQmlIntegration/qqmlintegration.h>

#include <functional>

namespace Parley {

class Connection;
class MessageStore;

class AbuseReporter : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The AbuseReporter is Client.reports")

    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString statusText READ statusText NOTIFY stateChanged)

public:
    /// Why someone is reported (the protocol's closed set of reasons).
    enum class Reason { Spam, Harassment, Illegal, Other };
    Q_ENUM(Reason)

    /// How the last report went.
    enum class State { Idle, Sending, Sent, Failed };
    Q_ENUM(State)

    AbuseReporter(Connection *connection, MessageStore *store, QObject *parent = nullptr);

    State state() const { return m_state; }
    /// "Sending the report…", "Report sent", or why it failed, in words; empty when Idle.
    QString statusText() const { return m_statusText; }

    /// Reports `userId` (0: the sender of the entries `seqs`); with a conversation, from it;
    /// with `seqs`, discloses those entries' text as this device shows it. Entries that are not
    /// readable messages of that one person are refused here (Failed), before anything is sent.
    void report(qint64 userId, qint64 conversationId, const QList<qint64> &seqs, Reason reason,
                const QString &comment);
    /// Back to Idle (a new report dialog opens). Ignored while a report is on its way.
    Q_INVOKABLE void reset();

Q_SIGNALS:
    void stateChanged();
    /// The server stored the report under `reportId`.
    void reportSent(qint64 reportId);

private:
    void collect(qint64 conversationId, QList<qint64> seqs, QList<ReportedMessage> found,
                 std::function<void(Result<QList<ReportedMessage>>)> done);
    void send(qint64 userId, qint64 conversationId, Reason reason, const QString &comment,
              const QList<ReportedMessage> &messages);
    void setState(State state, const QString &text);
    void fail(const Error &error);

    QPointer<Connection> m_connection;
    MessageStore *m_store;
    State m_state = State::Idle;
    QString m_statusText;
};

} // namespace Parley
