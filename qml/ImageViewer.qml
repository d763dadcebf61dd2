import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import QtQuick.Window
import Qt.labs.platform as Platform
import Parley

// An image message's picture over the whole window. Opening it downloads the file through the
// attachment download path (Chat.downloadAttachment, progress shown over the thumbnail), then
// shows it decoded no larger than the screen, so a huge image never takes its full size in
// memory. Zoom with the buttons or the wheel (fit, 100%); Save writes a copy where the user
// chooses; Previous/Next (buttons, Left/Right) go through the conversation's loaded images;
// Escape closes. What it shows comes from the model (MessageListModel.image), by seq.
Popup {
    id: viewer

    property Chat chat: null
    readonly property MessageListModel messages: chat ? chat.messages : null
    // The image message shown (0: none), and what the model says of it.
    property real seq: 0
    property var info: ({})
    readonly property string imageState: info.state !== undefined ? info.state : ""
    readonly property bool shown: image.status === Image.Ready
    readonly property real previousSeq: messages && seq > 0 ? messages.adjacentImage(seq, -1) + 0 * revision : 0
    readonly property real nextSeq: messages && seq > 0 ? messages.adjacentImage(seq, 1) + 0 * revision : 0
    // Bumped when the model changes: the neighbours are asked again.
    property int revision: 0

    // Zoom: "fit" follows the window; any other zoom is a fixed scale (1: the decoded pixels).
    property bool fitted: true
    property real fixedZoom: 1
    readonly property real fitZoom: image.implicitWidth > 0 && image.implicitHeight > 0
                                    ? Math.min(1, imageArea.width / image.implicitWidth,
                                               imageArea.height / image.implicitHeight)
                                    : 1
    readonly property real zoom: fitted ? fitZoom : fixedZoom

    function show(imageSeq) {
        seq = imageSeq
        fitted = true
        refresh()
        if (!opened)
            open()
        // Not on this device yet (or a download failed): fetch it now.
        if (imageState === "available" || imageState === "failed")
            chat.downloadAttachment(seq)
        keys.forceActiveFocus()
    }
    function refresh() {
        info = messages && seq > 0 ? messages.image(seq) : ({})
        revision++
    }
    function step(direction) {
        const next = direction > 0 ? nextSeq : previousSeq
        if (next > 0)
            show(next)
    }
    function zoomBy(factor) {
        fixedZoom = Math.max(0.05, Math.min(8, zoom * factor))
        fitted = false
    }

    objectName: "imageViewer"
    parent: Overlay.overlay
    x: 0
    y: 0
    width: parent ? parent.width : 0
    height: parent ? parent.height : 0
    padding: 0
    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape
    // Light controls on the dark backdrop a picture is best seen on.
    Material.theme: Material.Dark
    Material.foreground: "white"

    onClosed: {
        seq = 0
        info = ({})
    }

    background: Rectangle {
        color: "#f2101010"
    }

    Connections {
        // From show() on, not only once opened: a small file is there before the popup's
        // opening transition ends.
        target: viewer.seq > 0 ? viewer.messages : null
        function onDataChanged() { viewer.refresh() }
        function onRowsInserted() { viewer.refresh() }
        function onRowsRemoved() { viewer.refresh() }
        function onModelReset() { viewer.refresh() }
    }

    Connections {
        target: viewer.seq > 0 ? viewer.chat : null
        function onAttachmentSaved(savedSeq, path) {
            if (savedSeq === viewer.seq)
                savedNote.text = qsTr("Saved as %1").arg(path)
        }
    }

    Platform.FileDialog {
        id: saveDialog
        objectName: "saveImageDialog"
        title: qsTr("Save image")
        fileMode: Platform.FileDialog.SaveFile
        folder: Platform.StandardPaths.writableLocation(Platform.StandardPaths.PicturesLocation)
        onAccepted: viewer.chat.saveAttachment(viewer.seq, file)
    }

    contentItem: Item {
        id: keys
        focus: true
        Accessible.role: Accessible.Dialog
        Accessible.name: qsTr("Image viewer: %1").arg(viewer.info.name !== undefined ? viewer.info.name : "")
        Keys.onLeftPressed: viewer.step(-1)
        Keys.onRightPressed: viewer.step(1)
        Keys.onPressed: event => {
            if (event.key === Qt.Key_Plus || event.key === Qt.Key_Equal) {
                viewer.zoomBy(1.25)
                event.accepted = true
            } else if (event.key === Qt.Key_Minus) {
                viewer.zoomBy(0.8)
                event.accepted = true
            }
        }

        ColumnLayout {
            anchors.fill: parent
            spacing: 0

            // The toolbar: what is shown, then the controls.
            Rectangle {
                Layout.fillWidth: true
                implicitHeight: toolbar.implicitHeight + Theme.spacing * 2
                color: "#cc000000"

                RowLayout {
                    id: toolbar
                    anchors.fill: parent
                    anchors.leftMargin: Theme.spacingLarge
                    anchors.rightMargin: Theme.spacing
                    spacing: Theme.spacingSmall

                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 0

                        Label {
                            objectName: "viewerTitle"
                            Layout.fillWidth: true
                            text: viewer.info.name !== undefined ? viewer.info.name : ""
                            textFormat: Text.PlainText
                            elide: Text.ElideMiddle
                            font.weight: Font.DemiBold
                            color: "white"
                        }
                        Label {
                            objectName: "viewerDetails"
                            Layout.fillWidth: true
                            text: viewer.info.size !== undefined
                                  ? qsTr("%1 × %2 pixels · %3 · %4%").arg(viewer.info.width).arg(viewer.info.height)
                                        .arg(Qt.locale().formattedDataSize(viewer.info.size)).arg(Math.round(viewer.zoom * 100))
                                  : ""
                            elide: Text.ElideRight
                            font.pixelSize: Theme.fontSizeSmall + 1
                            color: "#d0d0d0"
                        }
                    }

                    Button {
                        objectName: "viewerPreviousButton"
                        flat: true
                        text: qsTr("‹ Previous")
                        enabled: viewer.previousSeq > 0
                        Accessible.name: qsTr("Previous image")
                        onClicked: viewer.step(-1)
                    }
                    Button {
                        objectName: "viewerNextButton"
                        flat: true
                        text: qsTr("Next ›")
                        enabled: viewer.nextSeq > 0
                        Accessible.name: qsTr("Next image")
                        onClicked: viewer.step(1)
                    }
                    Button {
                        objectName: "viewerZoomOutButton"
                        flat: true
                        text: "−"
                        enabled: viewer.shown
                        Accessible.name: qsTr("Zoom out")
                        ToolTip.visible: hovered
                        ToolTip.text: Accessible.name
                        onClicked: viewer.zoomBy(0.8)
                    }
                    Button {
                        objectName: "viewerZoomInButton"
                        flat: true
                        text: "+"
                        enabled: viewer.shown
                        Accessible.name: qsTr("Zoom in")
                        ToolTip.visible: hovered
                        ToolTip.text: Accessible.name
                        onClicked: viewer.zoomBy(1.25)
                    }
                    Button {
                        objectName: "viewerFitButton"
                        flat: true
                        text: qsTr("Fit")
                        enabled: viewer.shown && !viewer.fitted
                        Accessible.name: qsTr("Fit to the window")
                        onClicked: viewer.fitted = true
                    }
                    Button {
                        objectName: "viewerActualSizeButton"
                        flat: true
                        text: qsTr("100%")
                        enabled: viewer.shown
                        Accessible.name: qsTr("Actual size")
                        onClicked: {
                            viewer.fixedZoom = 1
                            viewer.fitted = false
                        }
                    }
                    Button {
                        objectName: "viewerSaveButton"
                        flat: true
                        text: qsTr("Save…")
                        enabled: viewer.imageState === "downloaded"
                        Accessible.name: qsTr("Save %1").arg(viewer.info.name !== undefined ? viewer.info.name : "")
                        onClicked: {
                            savedNote.text = ""
                            saveDialog.currentFile = saveDialog.folder + "/" + encodeURIComponent(viewer.info.name)
                            saveDialog.open()
                        }
                    }
                    Button {
                        objectName: "viewerCloseButton"
                        flat: true
                        text: qsTr("Close")
                        Accessible.name: qsTr("Close the image viewer")
                        onClicked: viewer.close()
                    }
                }
            }

            Item {
                id: imageArea
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true

                Flickable {
                    id: flick
                    anchors.fill: parent
                    contentWidth: Math.max(width, image.width)
                    contentHeight: Math.max(height, image.height)
                    boundsBehavior: Flickable.StopAtBounds

                    // The wheel zooms (before the Flickable would scroll with it).
                    WheelHandler {
                        acceptedDevices: PointerDevice.Mouse | PointerDevice.TouchPad
                        onWheel: event => viewer.zoomBy(event.angleDelta.y > 0 ? 1.25 : 0.8)
                    }

                    // The whole file, decoded at most at the screen's size (sourceSize); no
                    // larger image is ever held in memory. Raster images are never enlarged.
                    Image {
                        id: image
                        objectName: "viewerImage"
                        x: (flick.contentWidth - width) / 2
                        y: (flick.contentHeight - height) / 2
                        width: implicitWidth * viewer.zoom
                        height: implicitHeight * viewer.zoom
                        source: viewer.imageState === "downloaded" && viewer.info.path !== undefined ? viewer.info.path : ""
                        sourceSize: Qt.size(Screen.width * Screen.devicePixelRatio,
                                            Screen.height * Screen.devicePixelRatio)
                        asynchronous: true
                        autoTransform: true
                        cache: false
                        smooth: true
                        mipmap: true
                        Accessible.role: Accessible.Graphic
                        Accessible.name: viewer.info.name !== undefined ? viewer.info.name : ""
                    }
                }

                // Until the file is here: the thumbnail, and how far the download is.
                Image {
                    objectName: "viewerPlaceholder"
                    anchors.centerIn: parent
                    visible: !viewer.shown
                    width: Math.min(parent.width * 0.6, 480)
                    height: Math.min(parent.height * 0.6, 480)
                    source: viewer.info.thumbnail !== undefined ? viewer.info.thumbnail : ""
                    fillMode: Image.PreserveAspectFit
                    opacity: 0.5
                }

                ColumnLayout {
                    anchors.centerIn: parent
                    visible: !viewer.shown
                    spacing: Theme.spacing

                    ProgressBar {
                        objectName: "viewerProgress"
                        visible: viewer.imageState === "downloading"
                        Layout.preferredWidth: 260
                        from: 0
                        to: 1
                        value: viewer.info.progress !== undefined ? viewer.info.progress : 0
                        Accessible.name: qsTr("Downloading %1").arg(viewer.info.name !== undefined ? viewer.info.name : "")
                    }
                    Label {
                        objectName: "viewerStatus"
                        Layout.alignment: Qt.AlignHCenter
                        text: viewer.imageState === "downloading" ? qsTr("Downloading… %1%").arg(Math.round((viewer.info.progress || 0) * 100))
                            : viewer.imageState === "failed" ? qsTr("The image could not be downloaded.")
                            : image.status === Image.Error ? qsTr("This image cannot be shown.")
                            : ""
                        visible: text.length > 0
                        color: "white"
                    }
                    Button {
                        objectName: "viewerRetryButton"
                        Layout.alignment: Qt.AlignHCenter
                        visible: viewer.imageState === "failed"
                        text: qsTr("Try again")
                        Accessible.name: qsTr("Download %1 again").arg(viewer.info.name !== undefined ? viewer.info.name : "")
                        onClicked: viewer.chat.downloadAttachment(viewer.seq)
                    }
                }

                Label {
                    id: savedNote
                    objectName: "viewerSavedNote"
                    anchors.horizontalCenter: parent.horizontalCenter
                    anchors.bottom: parent.bottom
                    anchors.bottomMargin: Theme.spacingLarge
                    visible: text.length > 0
                    color: "white"
                    Accessible.name: text
                }
            }
        }
    }
}
