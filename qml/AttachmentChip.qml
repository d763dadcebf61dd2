import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A file message's file inside its bubble: an icon, the name and size, a progress bar while it
// uploads or downloads, and what can be done with it: Download (also after a failed download),
// then Open. The states are the model's attachmentState (docs/client-api.md).
Rectangle {
    id: chip

    required property string name
    required property real size
    required property string mime
    required property string state
    required property real progress
    required property color tint
    // The message is in the conversation's log (it has a seq): its file can be downloaded.
    required property bool onServer

    signal downloadRequested()
    signal openRequested()

    readonly property bool transferring: state === "uploading" || state === "downloading"
    readonly property string sizeText: Qt.locale().formattedDataSize(size)

    objectName: "attachmentChip"
    implicitWidth: Math.min(360, row.implicitWidth + Theme.spacing * 2)
    implicitHeight: column.implicitHeight + Theme.spacing * 2
    radius: 8
    color: Qt.darker(tint, 1.06)
    Accessible.role: Accessible.Grouping
    Accessible.name: qsTr("File %1, %2").arg(name).arg(sizeText)

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacingSmall

        RowLayout {
            id: row
            Layout.fillWidth: true
            spacing: Theme.spacing

            Icon {
                name: "file"
                color: Theme.accent
                Layout.alignment: Qt.AlignVCenter
            }

            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0

                Label {
                    objectName: "attachmentName"
                    Layout.fillWidth: true
                    Layout.maximumWidth: 220
                    text: chip.name
                    textFormat: Text.PlainText
                    elide: Text.ElideMiddle
                    font.weight: Font.DemiBold
                    color: Theme.text
                }
                Label {
                    objectName: "attachmentSize"
                    text: chip.state === "uploading" ? qsTr("%1 · uploading %2%").arg(chip.sizeText).arg(Math.round(chip.progress * 100))
                        : chip.state === "downloading" ? qsTr("%1 · downloading %2%").arg(chip.sizeText).arg(Math.round(chip.progress * 100))
                        : chip.state === "failed" ? qsTr("%1 · failed").arg(chip.sizeText)
                        : chip.sizeText
                    font.pixelSize: Theme.fontSizeSmall + 1
                    color: chip.state === "failed" ? Theme.danger : Theme.bubbleMeta
                }
            }

            Button {
                objectName: "downloadButton"
                // A failed upload is retried from the failure row; a failed download here.
                visible: chip.onServer && (chip.state === "available" || chip.state === "failed")
                flat: true
                text: qsTr("Download")
                Accessible.name: qsTr("Download %1").arg(chip.name)
                onClicked: chip.downloadRequested()
            }

            Button {
                objectName: "openButton"
                visible: chip.state === "downloaded"
                flat: true
                text: qsTr("Open")
                Accessible.name: qsTr("Open %1").arg(chip.name)
                onClicked: chip.openRequested()
            }
        }

        ProgressBar {
            objectName: "attachmentProgress"
            visible: chip.transferring
            Layout.fillWidth: true
            from: 0
            to: 1
            value: chip.progress
            Accessible.name: chip.state === "uploading" ? qsTr("Uploading %1").arg(chip.name) : qsTr("Downloading %1").arg(chip.name)
        }
    }
}
