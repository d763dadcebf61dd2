#include "crypto/SignalContext.h"

#include <signal/curve.h>
#include <signal/signal_protocol.h>

#include <QTest>

using namespace Parley;

class tst_SignalContext : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createsUsableContext();
    void contextsAreIndependent();
};

void tst_SignalContext::createsUsableContext()
{
    auto context = SignalContext::create();
    QVERIFY(context);
    QVERIFY(context.value()->handle());

    // Key generation draws from the provider's random source and takes the context's lock.
    ec_key_pair *pair = nullptr;
    QCOMPARE(curve_generate_key_pair(context.value()->handle(), &pair), 0);
    QVERIFY(pair);
    SIGNAL_UNREF(pair);
}

void tst_SignalContext::contextsAreIndependent()
{
    auto first = SignalContext::create();
    auto second = SignalContext::create();
    QVERIFY(first && second);
    QVERIFY(first.value()->handle() != second.value()->handle());
    first.value().reset();
    ec_key_pair *pair = nullptr;
    QCOMPARE(curve_generate_key_pair(second.value()->handle(), &pair), 0);
    SIGNAL_UNREF(pair);
}

QTEST_GUILESS_MAIN(tst_SignalContext)
#include "tst_signalcontext.moc"
