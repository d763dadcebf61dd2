#include "Worker.h"

#include "ClientGroup.h"
#include "Logging.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QSocketNotifier>
#include <QtCore/QThread>

#include <memory>

#include <unistd.h>

namespace Parley::Bench {

using namespace Qt::StringLiterals;

namespace {

QList<int> usersIn(const QJsonObject &command)
{
    QList<int> users;
    const int from = command.value(u"from"_s).toInt();
    const int to = command.value(u"to"_s).toInt();
    for (int u = from; u < to; ++u)
        users.append(u);
    for (const QJsonValue &v : command.value(u"users"_s).toArray())
        users.append(v.toInt());
    return users;
}

double sumOf(const QList<QJsonObject> &answers, QStringView key)
{
    double sum = 0;
    for (const QJsonObject &a : answers)
        sum += a.value(key).toDouble();
    return sum;
}

double maxOf(const QList<QJsonObject> &answers, QStringView key)
{
    double m = 0;
    for (const QJsonObject &a : answers)
        m = std::max(m, a.value(key).toDouble());
    return m;
}

} // namespace

Worker::Worker(const WorkerOptions &options, QObject *parent) : QObject(parent), m_options(options)
{
}

Worker::~Worker()
{
    for (int i = 0; i < m_threads.size(); ++i) {
        QThread *thread = m_threads[i];
        QMetaObject::invokeMethod(m_groups[i], [group = m_groups[i], thread] {
            delete group;
            thread->quit();
        });
        thread->wait();
        delete thread;
    }
}

bool Worker::start()
{
    QFile file(m_options.planFile);
    if (!file.open(QIODevice::ReadOnly)) {
        qCCritical(lcBench) << "cannot read the plan" << m_options.planFile;
        return false;
    }
    m_plan = Plan::fromJson(QJsonDocument::fromJson(file.readAll()).object());
    QList<QList<int>> users(m_options.threads);
    for (int u = 0; u < m_plan.users.size(); ++u) {
        if (u % m_options.workers == m_options.index)
            users[threadOf(u)].append(u);
    }
    for (int t = 0; t < m_options.threads; ++t) {
        auto *thread = new QThread;
        thread->setObjectName(u"load-%1-%2"_s.arg(m_options.index).arg(t));
        auto *group = new ClientGroup(m_plan, users[t]);
        group->moveToThread(thread);
        thread->start();
        m_threads.append(thread);
        m_groups.append(group);
    }
    m_stdin = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
    connect(m_stdin, &QSocketNotifier::activated, this, &Worker::readCommands);
    answer(QJsonObject{{u"ev"_s, u"started"_s}});
    return true;
}

void Worker::answer(const QJsonObject &event)
{
    QByteArray line = QJsonDocument(event).toJson(QJsonDocument::Compact);
    line.append('\n');
    qsizetype done = 0;
    while (done < line.size()) {
        const ssize_t n =
                ::write(STDOUT_FILENO, line.constData() + done, size_t(line.size() - done));
        if (n <= 0)
            return;
        done += n;
    }
}

void Worker::readCommands()
{
    char buffer[65536];
    const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (n <= 0) {
        // The coordinator is gone: stop.
        m_stdin->setEnabled(false);
        QCoreApplication::quit();
        return;
    }
    m_input.append(buffer, n);
    qsizetype newline;
    while ((newline = m_input.indexOf('\n')) >= 0) {
        const QByteArray line = m_input.left(newline);
        m_input.remove(0, newline + 1);
        execute(QJsonDocument::fromJson(line).object());
    }
}

void Worker::forEachGroup(
        std::function<void(ClientGroup *, std::function<void(const QJsonObject &)>)> call,
        std::function<void(const QList<QJsonObject> &)> done)
{
    auto answers = std::make_shared<QList<QJsonObject>>();
    auto remaining = std::make_shared<int>(int(m_groups.size()));
    for (ClientGroup *group : std::as_const(m_groups)) {
        QMetaObject::invokeMethod(group, [this, group, call, done, answers, remaining] {
            call(group, [this, done, answers, remaining](const QJsonObject &a) {
                QMetaObject::invokeMethod(this, [a, done, answers, remaining] {
                    answers->append(a);
                    if (--*remaining == 0)
                        done(*answers);
                });
            });
        });
    }
}

int Worker::threadOf(int user) const
{
    // Idle-only connections get a thread of their own. Qt's event dispatcher polls every socket
    // of a thread on each wake-up, so a thread that carries the load and 900 idle sockets spends
    // most of its time polling those: the load generator, not the server, would set the pace.
    const int threads = m_options.threads;
    if (threads < 2)
        return 0;
    if (m_plan.isIdleOnly(user))
        return threads - 1;
    return (user / m_options.workers) % (threads - 1);
}

void Worker::onOwner(
        int user, std::function<void(ClientGroup *, std::function<void(const QJsonObject &)>)> call,
        std::function<void(const QJsonObject &)> done)
{
    ClientGroup *group = m_groups.at(threadOf(user));
    QMetaObject::invokeMethod(group, [this, group, call, done] {
        call(group, [this, done](const QJsonObject &a) {
            QMetaObject::invokeMethod(this, [a, done] { done(a); });
        });
    });
}

void Worker::execute(const QJsonObject &command)
{
    const QString cmd = command.value(u"cmd"_s).toString();
    const QJsonValue tag = command.value(u"tag"_s);
    auto reply = [this, tag](QJsonObject event) {
        event.insert(u"tag"_s, tag);
        event.insert(u"worker"_s, m_options.index);
        answer(event);
    };
    if (cmd == u"open"_s) {
        const QList<int> users = usersIn(command);
        const int window = std::max(1, command.value(u"window"_s).toInt(8) / int(m_groups.size()));
        const int retries = command.value(u"retries"_s).toInt(0);
        forEachGroup([users, window, retries](ClientGroup *g,
                                              auto r) { g->open(users, window, retries, r); },
                     [reply](const QList<QJsonObject> &a) {
                         reply({{u"ev"_s, u"opened"_s},
                                {u"ok"_s, sumOf(a, u"ok")},
                                {u"failed"_s, sumOf(a, u"failed")},
                                {u"ms"_s, maxOf(a, u"ms")}});
                     });
    } else if (cmd == u"drop"_s) {
        const QList<int> users = usersIn(command);
        forEachGroup([users](ClientGroup *g, auto r) { g->drop(users, r); },
                     [reply](const QList<QJsonObject> &a) {
                         reply({{u"ev"_s, u"dropped"_s}, {u"dropped"_s, sumOf(a, u"dropped")}});
                     });
    } else if (cmd == u"load"_s) {
        const auto phase = quint32(command.value(u"phase"_s).toInt());
        const QString role = command.value(u"role"_s).toString();
        const double rate = command.value(u"perSenderRate"_s).toDouble();
        const int ms = command.value(u"ms"_s).toInt();
        forEachGroup([=](ClientGroup *g, auto r) { g->load(phase, role, rate, ms, r); },
                     [reply](const QList<QJsonObject> &a) {
                         reply({{u"ev"_s, u"loaded"_s}, {u"sent"_s, sumOf(a, u"sent")}});
                     });
    } else if (cmd == u"stats"_s) {
        const auto phase = quint32(command.value(u"phase"_s).toInt());
        forEachGroup([phase](ClientGroup *g, auto r) { g->stats(phase, r); },
                     [reply](const QList<QJsonObject> &a) {
                         PhaseStats total;
                         for (const QJsonObject &o : a)
                             total.merge(PhaseStats::fromJson(o));
                         QJsonObject json = total.toJson();
                         json.insert(u"ev"_s, u"stats"_s);
                         json.insert(u"ready"_s, sumOf(a, u"ready"));
                         json.insert(u"pending"_s, sumOf(a, u"pending"));
                         json.insert(u"seqRedeliveries"_s, sumOf(a, u"seqRedeliveries"));
                         reply(json);
                     });
    } else if (cmd == u"burst"_s) {
        const int user = command.value(u"user"_s).toInt();
        const int conversation = command.value(u"conversation"_s).toInt();
        const auto phase = quint32(command.value(u"phase"_s).toInt());
        const int count = command.value(u"count"_s).toInt();
        const int window = command.value(u"window"_s).toInt(64);
        onOwner(
                user,
                [=](ClientGroup *g, auto r) {
                    g->burst(user, conversation, phase, count, window, r);
                },
                [reply](QJsonObject a) {
                    a.insert(u"ev"_s, u"burstDone"_s);
                    reply(a);
                });
    } else if (cmd == u"catchUp"_s) {
        const int user = command.value(u"user"_s).toInt();
        const auto phase = quint32(command.value(u"phase"_s).toInt());
        const int count = command.value(u"count"_s).toInt();
        const int timeoutMs = command.value(u"timeoutMs"_s).toInt(60'000);
        onOwner(
                user, [=](ClientGroup *g, auto r) { g->catchUp(user, phase, count, timeoutMs, r); },
                [reply](QJsonObject a) {
                    a.insert(u"ev"_s, u"caughtUp"_s);
                    reply(a);
                });
    } else if (cmd == u"quit"_s) {
        reply({{u"ev"_s, u"bye"_s}});
        QCoreApplication::quit();
    } else {
        reply({{u"ev"_s, u"error"_s}, {u"message"_s, QString(u"unknown command "_s + cmd)}});
    }
}

} // namespace Parley::Bench
