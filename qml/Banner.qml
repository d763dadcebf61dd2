import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Parley

// A full-width strip above the conversations for a state the user should know about
// (offline, connection stopped), with an optional action.
Rectangle {
    id: banner

    property string iconName
    property string text
    property string actionText
    // A second, quieter choice (e.g. "It was me" beside "Review…"); none when empty.
    property string secondActionText
    property string tone: "warning" // "warning" or "danger"

    signal actionTriggered()
    signal secondActionTriggered()

    implicitHeight: row.implicitHeight + Theme.spacing * 2
    color: Theme.warningBackground
    Accessible.role: Accessible.AlertMessage
    Accessible.name: text

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: Theme.spacingLarge
        anchors.rightMargin: Theme.spacingLarge
        spacing: Theme.spacingMedium

        Icon {
            implicitWidth: 18
            implicitHeight: 18
            name: banner.iconName
            color: banner.tone === "danger" ? Theme.danger : Theme.warning
        }

        Label {
            objectName: "bannerText"
            Layout.fillWidth: true
            text: banner.text
            wrapMode: Text.Wrap
            color: banner.tone === "danger" ? Theme.danger : Theme.warning
            font.weight: Font.Medium
        }

        Button {
            objectName: "bannerSecondActionButton"
            visible: banner.secondActionText.length > 0
            text: banner.secondActionText
            flat: true
            implicitHeight: 32
            topInset: 0
            bottomInset: 0
            Accessible.name: text
            onClicked: banner.secondActionTriggered()
        }

        Button {
            objectName: "bannerActionButton"
            visible: banner.actionText.length > 0
            text: banner.actionText
            flat: true
            implicitHeight: 32
            topInset: 0
            bottomInset: 0
            Accessible.name: text
            onClicked: banner.actionTriggered()
        }
    }
}
