// Phaser 4 as Backchannel uses it, built from Phaser's own sources the way Phaser's custom builds
// are made (compare node_modules/phaser/src/phaser-core.js): scenes, cameras, input, scale, textures,
// tweens, timers, the WebGL and Canvas renderers, and only the game objects the screens draw (text,
// graphics, images, rectangles, arcs, stars, triangles). No physics, tilemaps, sound, particles,
// video, spine or loader file types: about 40% less JavaScript to download, parse and start.
// vite.config.ts points `import Phaser from 'phaser'` here and sets Phaser's build flags; the types
// still come from the phaser package. Paths are literal so that the bundler can follow them. Headless tests (vitest.game.config.ts) use the full build.
require('../../node_modules/phaser/src/polyfills/requestVideoFrame');

const CONST = require('../../node_modules/phaser/src/const');
const Extend = require('../../node_modules/phaser/src/utils/object/Extend');

const Phaser = {
  Animations: require('../../node_modules/phaser/src/animations'),
  BlendModes: require('../../node_modules/phaser/src/renderer/BlendModes'),
  Cache: require('../../node_modules/phaser/src/cache'),
  Cameras: { Scene2D: require('../../node_modules/phaser/src/cameras/2d') },
  Core: require('../../node_modules/phaser/src/core'),
  Class: require('../../node_modules/phaser/src/utils/Class'),
  Data: require('../../node_modules/phaser/src/data'),
  Display: {
    Canvas: { CanvasPool: require('../../node_modules/phaser/src/display/canvas/CanvasPool') },
    Masks: require('../../node_modules/phaser/src/display/mask'),
  },
  DOM: require('../../node_modules/phaser/src/dom'),
  Events: require('../../node_modules/phaser/src/events'),
  Filters: require('../../node_modules/phaser/src/filters'),
  Game: require('../../node_modules/phaser/src/core/Game'),
  GameObjects: {
    DisplayList: require('../../node_modules/phaser/src/gameobjects/DisplayList'),
    GameObjectCreator: require('../../node_modules/phaser/src/gameobjects/GameObjectCreator'),
    GameObjectFactory: require('../../node_modules/phaser/src/gameobjects/GameObjectFactory'),
    UpdateList: require('../../node_modules/phaser/src/gameobjects/UpdateList'),
    Components: require('../../node_modules/phaser/src/gameobjects/components'),
    GameObject: require('../../node_modules/phaser/src/gameobjects/GameObject'),
    Graphics: require('../../node_modules/phaser/src/gameobjects/graphics/Graphics'),
    Image: require('../../node_modules/phaser/src/gameobjects/image/Image'),
    Text: require('../../node_modules/phaser/src/gameobjects/text/Text'),
    // Text's own measure, used to lay a text out before it is drawn (src/game/ui.ts).
    GetTextSize: require('../../node_modules/phaser/src/gameobjects/text/GetTextSize'),
    Rectangle: require('../../node_modules/phaser/src/gameobjects/shape/rectangle/Rectangle'),
    Arc: require('../../node_modules/phaser/src/gameobjects/shape/arc/Arc'),
    Star: require('../../node_modules/phaser/src/gameobjects/shape/star/Star'),
    Triangle: require('../../node_modules/phaser/src/gameobjects/shape/triangle/Triangle'),
    // Requiring a factory registers its `scene.add.<name>`.
    Factories: {
      Graphics: require('../../node_modules/phaser/src/gameobjects/graphics/GraphicsFactory'),
      Image: require('../../node_modules/phaser/src/gameobjects/image/ImageFactory'),
      Text: require('../../node_modules/phaser/src/gameobjects/text/TextFactory'),
      Rectangle: require('../../node_modules/phaser/src/gameobjects/shape/rectangle/RectangleFactory'),
      Arc: require('../../node_modules/phaser/src/gameobjects/shape/arc/ArcFactory'),
      Star: require('../../node_modules/phaser/src/gameobjects/shape/star/StarFactory'),
      Triangle: require('../../node_modules/phaser/src/gameobjects/shape/triangle/TriangleFactory'),
    },
  },
  Input: require('../../node_modules/phaser/src/input'),
  Loader: {
    File: require('../../node_modules/phaser/src/loader/File'),
    FileTypesManager: require('../../node_modules/phaser/src/loader/FileTypesManager'),
    LoaderPlugin: require('../../node_modules/phaser/src/loader/LoaderPlugin'),
    FileTypes: { ImageFile: require('../../node_modules/phaser/src/loader/filetypes/ImageFile') },
  },
  Math: {
    Between: require('../../node_modules/phaser/src/math/Between'),
    DegToRad: require('../../node_modules/phaser/src/math/DegToRad'),
    Vector2: require('../../node_modules/phaser/src/math/Vector2'),
  },
  Plugins: require('../../node_modules/phaser/src/plugins'),
  Renderer: require('../../node_modules/phaser/src/renderer'),
  Scale: require('../../node_modules/phaser/src/scale'),
  ScaleModes: require('../../node_modules/phaser/src/renderer/ScaleModes'),
  Scene: require('../../node_modules/phaser/src/scene/Scene'),
  Scenes: require('../../node_modules/phaser/src/scene'),
  Structs: require('../../node_modules/phaser/src/structs'),
  Textures: require('../../node_modules/phaser/src/textures'),
  Time: require('../../node_modules/phaser/src/time'),
  TintModes: require('../../node_modules/phaser/src/renderer/TintModes'),
  Tweens: require('../../node_modules/phaser/src/tweens'),
};

module.exports = Extend(false, Phaser, CONST);
