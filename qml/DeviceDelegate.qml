import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Parley

// One device logged in to the account: its name, when it was added and last seen, and a
// Revoke button for any device but this one.
Rectangle {
    id: row

    required property real deviceId
    required property string name
    required property var createdAt
    required property var lastSeen
    required property bool isCurrent

    signal revokeRequested()

    objectName: "device:" + deviceId
    implicitHeight: 64
    radius: Theme.radius
    color: Theme.hover
    Accessible.role: Accessible.ListItem
    Accessible.name: isCurrent ? qsTr("%1, this device").arg(name) : name

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.spacingLarge
        anchors.rightMargin: Theme.spacing
        spacing: Theme.spacingMedium

        Icon {
            implicitWidth: 24
            implicitHeight: 24
            name: "monitor"
            color: row.isCurrent ? Theme.accent : Theme.secondaryText
        }

        ColumnLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingTiny

            RowLayout {
                spacing: Theme.spacing

                Label {
                    Layout.fillWidth: true
                    text: row.name
                    elide: Text.ElideRight
                    font.weight: Font.DemiBold
                    color: Theme.text
                }

                Label {
                    visible: row.isCurrent
                    text: qsTr("This device")
                    font.pixelSize: Theme.fontSizeSmall
                    font.weight: Font.DemiBold
                    color: Theme.accent
                }
            }

            Label {
                Layout.fillWidth: true
                elide: Text.ElideRight
                font.pixelSize: Theme.fontSizeSmall + 1
                color: Theme.secondaryText
                text: row.isCurrent
                      ? qsTr("Added %1").arg(Theme.formatDate(row.createdAt))
                      : qsTr("Added %1 · last seen %2")
                            .arg(Theme.formatDate(row.createdAt))
                            .arg(Theme.formatDateTime(row.lastSeen))
            }
        }

        Button {
            objectName: "revokeDeviceButton"
            visible: !row.isCurrent
            text: qsTr("Revoke")
            flat: true
            Material.foreground: Theme.danger
            Accessible.name: qsTr("Revoke %1").arg(row.name)
            onClicked: row.revokeRequested()
        }
    }
}
