#include "TwoPeople.h"

#include "Steps.h"

#include <QtCore/QCoreApplication>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

namespace Parley {

void TwoPeople::start()
{
    dir = std::make_unique<QTemporaryDir>();
    QVERIFY(dir->isValid());
    server = std::make_unique<ParleydProcess>();
    server->setArguments(serverArguments);
    QVERIFY2(server->start(), server->log().constData());
    alice = reopen(u"alice"_s);
    bob = reopen(u"bob"_s);
}

void TwoPeople::finish()
{
    // What the windows showed when a case failed, for whoever reads the report.
    if (QTest::currentTestFailed()) {
        const QString name = QString::fromLatin1(QTest::currentTestFunction()) + u"-FAILED-"_s;
        if (alice)
            alice->screenshot(name + u"alice"_s);
        if (bob)
            bob->screenshot(name + u"bob"_s);
    }
    alice.reset();
    bob.reset();
    server.reset();
    dir.reset();
}

QString TwoPeople::profile(const QString &user)
{
    return user + u'-' + QString::number(QCoreApplication::applicationPid()) + u'-'
            + QString::fromLatin1(QTest::currentTestFunction());
}

std::unique_ptr<AppWindow> TwoPeople::reopen(const QString &user) const
{
    return std::make_unique<AppWindow>(profile(user), dir->filePath(user), server->url());
}

void TwoPeople::registerBoth()
{
    Steps::registerAccount(*alice, u"alice"_s, u"alice-password"_s);
    if (QTest::currentTestFailed())
        return;
    Steps::registerAccount(*bob, u"bob"_s, u"bob-password"_s);
}

void TwoPeople::openChat()
{
    registerBoth();
    if (QTest::currentTestFailed())
        return;
    Steps::startChat(*alice, u"bob"_s);
}

void TwoPeople::openChatWith(const QString &text)
{
    openChat();
    if (QTest::currentTestFailed())
        return;
    Steps::sendMessage(*alice, text);
    if (QTest::currentTestFailed())
        return;
    Steps::openConversation(*bob, u"alice"_s);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY_WITH_TIMEOUT(bob->message(text), Steps::NetworkTimeout);
    // Sent (it has a seq): only then does it offer its actions. bob has it open: read.
    QTRY_COMPARE_WITH_TIMEOUT(alice->deliveryState(text), u"read"_s, Steps::NetworkTimeout);
}

} // namespace Parley
