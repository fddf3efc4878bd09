// How finely to draw. Multisample antialiasing is nearly free on a graphics card but multiplies the
// work of every pixel when WebGL is rendered in software (SwiftShader, llvmpipe): there the game
// draws without it, so the table stays responsive. Everything else looks the same.

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software rasterizer/i;

/** True when this browser's WebGL is a software renderer. Costs one short-lived context (~20 ms in software). */
export function softwareWebGL(): boolean {
  try {
    const gl = document.createElement('canvas').getContext('webgl', { antialias: false, depth: false, stencil: false });
    if (!gl) return false;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return SOFTWARE_RENDERER.test(name);
  } catch {
    return false;
  }
}
