// UI automation of abuse reports: bob reports alice's message from its menu; the dialog says
// what goes to the admins, and the admin's `parleyd report show` has the message's text.

#include "AppWindow.h"
#include "Steps.h"
#include "TwoPeople.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtQuick/QQuickItem>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace Parley;

class tst_Report : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void reportMessageReachesAdmin();

private:
    /// The JSON `parleyd … --json` printed (log lines before it are skipped).
    static QJsonDocument json(const QByteArray &out);

    TwoPeople m_people;
};

void tst_Report::init()
{
    m_people.start();
}

void tst_Report::cleanup()
{
    m_people.finish();
}

QJsonDocument tst_Report::json(const QByteArray &out)
{
    for (qsizetype at = 0; at < out.size();) {
        if (out.at(at) == '{' || out.at(at) == '[')
            return QJsonDocument::fromJson(out.mid(at));
        const qsizetype next = out.indexOf('\n', at);
        if (next < 0)
            break;
        at = next + 1;
    }
    return {};
}

void tst_Report::reportMessageReachesAdmin()
{
    const QString threat = u"Send me the money or else"_s;
    m_people.openChatWith(threat);
    if (QTest::currentTestFailed())
        return;
    AppWindow &bob = *m_people.bob;

    // bob's menu on alice's message offers "Report…".
    QQuickItem *bubble = bob.item(u"messageBubble"_s, bob.message(threat));
    QVERIFY(bob.click(bubble, Qt::RightButton));
    QTRY_VERIFY(bob.isShown(u"menuReport"_s));
    QVERIFY(bob.click(u"menuReport"_s));
    QTRY_VERIFY(bob.isShown(u"reportDialog"_s));
    // Before anything is sent, the dialog says what will be.
    QVERIFY2(bob.text(u"reportDisclosure"_s)
                     .startsWith(u"The selected message's text will be sent to the admins of "
                                 "this server"_s),
             qPrintable(bob.text(u"reportDisclosure"_s)));
    QVERIFY(bob.click(u"reportReasonHarassment"_s));
    QVERIFY(bob.typeInto(u"reportComment"_s, u"She threatens me"_s));
    bob.screenshot(u"reportMessageReachesAdmin-dialog"_s);
    QVERIFY(bob.click(u"sendReportButton"_s));
    QTRY_VERIFY_WITH_TIMEOUT(bob.text(u"reportStatus"_s).startsWith(u"Report sent"_s),
                             Steps::NetworkTimeout);
    bob.screenshot(u"reportMessageReachesAdmin-sent"_s);
    QVERIFY(bob.click(u"reportCancelButton"_s));
    QTRY_VERIFY(!bob.isShown(u"reportDialog"_s));

    // The admin lists the open report and reads the message bob disclosed.
    QByteArray out;
    QCOMPARE(m_people.server->runAdmin({u"report"_s, u"list"_s, u"--json"_s}, &out), 0);
    const QJsonArray open = json(out).array();
    QCOMPARE(open.size(), 1);
    const QJsonObject row = open.first().toObject();
    QCOMPARE(row.value(u"reason"_s).toString(), u"harassment"_s);
    QCOMPARE(row.value(u"reported"_s).toObject().value(u"username"_s).toString(), u"alice"_s);
    QCOMPARE(row.value(u"reporter"_s).toObject().value(u"username"_s).toString(), u"bob"_s);
    const QString id = QString::number(row.value(u"id"_s).toInteger());
    QCOMPARE(m_people.server->runAdmin({u"report"_s, u"show"_s, id}, &out), 0);
    QVERIFY2(out.contains(threat.toUtf8()), out.constData());
    QVERIFY2(out.contains("She threatens me"), out.constData());
    QVERIFY2(out.contains("reported: alice"), out.constData());
}

QTEST_MAIN(tst_Report)
#include "tst_report.moc"
