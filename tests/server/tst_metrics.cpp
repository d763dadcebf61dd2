// /metrics' text: Prometheus histograms are cumulative and end in +Inf, counters by frame type
// carry their wire name, and every metric the packaged Grafana dashboard and alert rules use
// is one parleyd exposes.
#include "admin/Metrics.h"

#include <QtCore/QFile>
#include <QtCore/QRegularExpression>
#include <QtCore/QSet>
#include <QtTest/QTest>

using namespace Parley;
using namespace Qt::StringLiterals;

class tst_Metrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void histogramIsCumulative();
    void framesByTypeUseWireNames();
    void refusalsCountLimitCodesOnly();
    void packagedDashboardAndAlertsUseExposedMetrics_data();
    void packagedDashboardAndAlertsUseExposedMetrics();
};

void tst_Metrics::histogramIsCumulative()
{
    Histogram h{0.01, 0.1, 1};
    for (double v : {0.005, 0.05, 0.05, 0.5, 7.0})
        h.observe(v);
    QByteArray out;
    h.render(out, "x_seconds", "A test.");
    QVERIFY2(out.contains("# TYPE x_seconds histogram\n"), out.constData());
    QVERIFY(out.contains("x_seconds_bucket{le=\"0.01\"} 1\n"));
    QVERIFY(out.contains("x_seconds_bucket{le=\"0.1\"} 3\n"));
    QVERIFY(out.contains("x_seconds_bucket{le=\"1\"} 4\n"));
    QVERIFY(out.contains("x_seconds_bucket{le=\"+Inf\"} 5\n"));
    QVERIFY(out.contains("x_seconds_count 5\n"));
    QVERIFY(out.contains("x_seconds_sum 7.605\n"));
}

void tst_Metrics::framesByTypeUseWireNames()
{
    Metrics m;
    m.frameIn(FrameType::Send);
    m.frameIn(FrameType::Send);
    m.frameOut(FrameType::Sent);
    const QByteArray out = m.render({});
    QVERIFY2(out.contains("\nparley_frames_received_total{type=\"send\"} 2\n"), out.constData());
    QVERIFY(out.contains("\nparley_frames_sent_total{type=\"sent\"} 1\n"));
    QVERIFY(!out.contains("type=\"history\""));
}

void tst_Metrics::refusalsCountLimitCodesOnly()
{
    Metrics m;
    m.refused(ErrorCode::RateLimited);
    m.refused(ErrorCode::BodyTooLarge);
    m.refused(ErrorCode::AttachmentTooLarge);
    m.refused(ErrorCode::NotMember);
    QCOMPARE(m.rateLimited.loadRelaxed(), 1u);
    QCOMPARE(m.sizeLimited.loadRelaxed(), 2u);
}

void tst_Metrics::packagedDashboardAndAlertsUseExposedMetrics_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("grafana") << QStringLiteral(PARLEY_PACKAGING_DIR "/grafana-dashboard.json");
    QTest::newRow("alerts") << QStringLiteral(PARLEY_PACKAGING_DIR "/prometheus-alerts.yml");
}

void tst_Metrics::packagedDashboardAndAlertsUseExposedMetrics()
{
    QFETCH(QString, file);
    QFile f(file);
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(file));
    const QString text = QString::fromUtf8(f.readAll());
    QSet<QString> exposed;
    static const QRegularExpression typeLine(u"^# TYPE (\\S+) "_s,
                                             QRegularExpression::MultilineOption);
    for (const auto &m : typeLine.globalMatch(QString::fromUtf8(Metrics().render({}))))
        exposed.insert(m.captured(1));
    static const QRegularExpression used(u"\\bparley_[a-z_]+"_s);
    int count = 0;
    for (const auto &m : used.globalMatch(text)) {
        QString name = m.captured(0);
        for (const char *suffix : {"_bucket", "_sum", "_count"}) {
            if (!exposed.contains(name) && name.endsWith(QLatin1StringView(suffix)))
                name.chop(qsizetype(qstrlen(suffix)));
        }
        QVERIFY2(exposed.contains(name), qPrintable(m.captured(0) + u" is not exposed"_s));
        ++count;
    }
    QVERIFY(count > 5);
}

QTEST_GUILESS_MAIN(tst_Metrics)
#include "tst_metrics.moc"
