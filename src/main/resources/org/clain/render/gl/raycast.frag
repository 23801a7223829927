#version 330 core
// Clain's GPU ray caster. Same semantics and arithmetic as org.clain.render.CpuRaycaster (see
// RaySetup): orthographic rays in patient space mapped to voxel space, clipped to the volume box,
// the clip box and planes; samples at t0 + (jitter + k) * step; trilinear HU; front-to-back DVR
// with a step-corrected premultiplied table, early termination at alpha 0.99, headlight
// Blinn-Phong on central-difference gradients; MIP/MINIP/AVG; ISO with bisection; empty bricks
// skipped. Rendered upside down in GL terms so that readback rows come out top row first.

layout(location = 0) out vec4 fragColor;
layout(location = 1) out float fragValue;

uniform sampler3D u_volume;   // GL_R16, linear, clamp to edge
uniform sampler3D u_bricks;   // GL_R32F brick keys, texelFetch
uniform sampler1D u_tf;       // GL_RGBA32F premultiplied table, texelFetch
uniform int u_tfSize;
uniform float u_tfLo;
uniform float u_tfScale;
uniform vec3 u_dims;
uniform ivec3 u_brickDims;
uniform vec3 u_brickSize;
uniform float u_huScale;
uniform float u_huOffset;
uniform vec3 u_origin;
uniform vec3 u_dx;
uniform vec3 u_dy;
uniform vec3 u_forward;
uniform mat4 u_p2v;
uniform mat3 u_grad;
uniform float u_step;
uniform int u_mode;           // 0 DVR, 1 MIP, 2 MINIP, 3 AVG, 4 ISO
uniform int u_shade;
uniform float u_ambient;
uniform float u_diffuse;
uniform float u_specular;
uniform float u_shininess;
uniform float u_iso;
uniform vec3 u_isoColor;
uniform vec3 u_background;
uniform int u_jitter;
uniform int u_clipVoxelOn;
uniform vec3 u_clipVoxelMin;
uniform vec3 u_clipVoxelMax;
uniform int u_clipPatientOn;
uniform vec3 u_clipPatientMin;
uniform vec3 u_clipPatientMax;
uniform int u_planeCount;
uniform vec4 u_planes[6];

const float ALPHA_STOP = 0.99;
const float MIN_GRADIENT = 1e-3;
const float BIG = 3.4028235e38;

float jitterHash(int x, int y) {
    uint h = uint(x) * 1973u + uint(y) * 9277u + 26699u;
    h = (h ^ 61u) ^ (h >> 16u);
    h *= 9u;
    h ^= h >> 4u;
    h *= 0x27d4eb2du;
    h ^= h >> 15u;
    return float(h >> 8u) * (1.0 / 16777216.0);
}

float sampleHu(vec3 p) {
    return texture(u_volume, (p + 0.5) / u_dims).r * u_huScale + u_huOffset;
}

vec4 tf(float hu) {
    float f = (hu - u_tfLo) * u_tfScale;
    if (f <= 0.0) return texelFetch(u_tf, 0, 0);
    if (f >= float(u_tfSize - 1)) return texelFetch(u_tf, u_tfSize - 1, 0);
    int i = int(f);
    float w = f - float(i);
    vec4 a = texelFetch(u_tf, i, 0);
    vec4 b = texelFetch(u_tf, i + 1, 0);
    return a + w * (b - a);
}

void slab(float o, float d, float lo, float hi, inout vec2 iv) {
    if (d == 0.0) {
        if (o < lo || o > hi) iv.y = -BIG;
        return;
    }
    float ta = (lo - o) / d;
    float tb = (hi - o) / d;
    iv.x = max(iv.x, min(ta, tb));
    iv.y = min(iv.y, max(ta, tb));
}

// ray parameter where it leaves brick b along one axis (BIG at the grid's outer bricks)
float boundary(float o, float d, int b, int gmax, float bs) {
    if (d > 0.0) return b == gmax ? BIG : (float(b + 1) * bs - o) / d;
    if (d < 0.0) return b == 0 ? BIG : (float(b) * bs - o) / d;
    return BIG;
}

// returns (ambient + diffuse |n.l|, specular term)
vec2 light(vec3 p, vec3 dv) {
    float gx = (sampleHu(p + vec3(1.0, 0.0, 0.0)) - sampleHu(p - vec3(1.0, 0.0, 0.0))) * 0.5;
    float gy = (sampleHu(p + vec3(0.0, 1.0, 0.0)) - sampleHu(p - vec3(0.0, 1.0, 0.0))) * 0.5;
    float gz = (sampleHu(p + vec3(0.0, 0.0, 1.0)) - sampleHu(p - vec3(0.0, 0.0, 1.0))) * 0.5;
    vec3 gv = vec3(gx, gy, gz);
    vec3 gp = u_grad * gv;
    float len = sqrt(dot(gp, gp));
    if (len < MIN_GRADIENT) return vec2(u_ambient + u_diffuse, 0.0);
    float ndl = min(abs(dot(gv, dv)) / len, 1.0);
    return vec2(u_ambient + u_diffuse * ndl, u_specular * pow(ndl, u_shininess));
}

void main() {
    int px = int(gl_FragCoord.x);
    // GL row r holds image row r: glReadPixels returns rows bottom-up, so the top image row
    // comes first in memory (the Y flip, with no CPU pass)
    int py = int(gl_FragCoord.y);
    vec3 o = u_origin + u_dx * float(px) + u_dy * float(py);
    vec3 f = u_forward;
    vec3 v = (u_p2v * vec4(o, 1.0)).xyz;
    vec3 dv = mat3(u_p2v) * f;
    vec2 iv = vec2(-BIG, BIG);
    slab(v.x, dv.x, -0.5, u_dims.x - 0.5, iv);
    slab(v.y, dv.y, -0.5, u_dims.y - 0.5, iv);
    slab(v.z, dv.z, -0.5, u_dims.z - 0.5, iv);
    if (u_clipVoxelOn != 0) {
        slab(v.x, dv.x, u_clipVoxelMin.x, u_clipVoxelMax.x, iv);
        slab(v.y, dv.y, u_clipVoxelMin.y, u_clipVoxelMax.y, iv);
        slab(v.z, dv.z, u_clipVoxelMin.z, u_clipVoxelMax.z, iv);
    }
    if (u_clipPatientOn != 0) {
        slab(o.x, f.x, u_clipPatientMin.x, u_clipPatientMax.x, iv);
        slab(o.y, f.y, u_clipPatientMin.y, u_clipPatientMax.y, iv);
        slab(o.z, f.z, u_clipPatientMin.z, u_clipPatientMax.z, iv);
    }
    for (int i = 0; i < u_planeCount; i++) {
        vec4 pl = u_planes[i];
        float dist = dot(pl.xyz, o) + pl.w;
        float den = dot(pl.xyz, f);
        if (den == 0.0) {
            if (dist < 0.0) iv.y = -BIG;
        } else {
            float t = -dist / den;
            if (den > 0.0) iv.x = max(iv.x, t); else iv.y = min(iv.y, t);
        }
    }
    float t0 = iv.x;
    float t1 = iv.y;
    if (!(t0 < t1)) {
        fragColor = vec4(u_background, 1.0);
        fragValue = uintBitsToFloat(0x7fc00000u);
        return;
    }
    float stp = u_step;
    float tStart = t0 + (u_jitter != 0 ? jitterHash(px, py) : 0.0) * stp;
    vec3 c = vec3(0.0);
    float a = 0.0;
    float value = uintBitsToFloat(0x7fc00000u);
    float acc = u_mode == 1 ? -BIG : (u_mode == 2 ? BIG : 0.0);
    int count = 0;
    // 3D DDA over the brick grid from the entry point: a brick is skipped whole (k jumps to its
    // exit) or its lattice samples are taken
    ivec3 gmax = u_brickDims - 1;
    vec3 e = v + dv * t0;
    ivec3 b = clamp(ivec3(floor(e / u_brickSize)), ivec3(0), gmax);
    ivec3 sgn = ivec3(dv.x > 0.0 ? 1 : -1, dv.y > 0.0 ? 1 : -1, dv.z > 0.0 ? 1 : -1);
    vec3 delta = vec3(dv.x == 0.0 ? BIG : u_brickSize.x / abs(dv.x), dv.y == 0.0 ? BIG : u_brickSize.y / abs(dv.y),
                      dv.z == 0.0 ? BIG : u_brickSize.z / abs(dv.z));
    vec3 tn = vec3(boundary(v.x, dv.x, b.x, gmax.x, u_brickSize.x), boundary(v.y, dv.y, b.y, gmax.y, u_brickSize.y),
                   boundary(v.z, dv.z, b.z, gmax.z, u_brickSize.z));
    int k = 0;
    bool done = false;
    for (int guard = 0; guard < 65536 && !done; guard++) {
        float tExit = min(tn.x, min(tn.y, tn.z));
        float key = texelFetch(u_bricks, b, 0).r;
        bool skip = (u_mode == 0 || u_mode == 4) ? key < 0.5
                : (u_mode == 1 ? key <= acc : (u_mode == 2 ? key >= acc : false));
        if (skip) {
            if (tExit > t1) break;
            k = max(k, int(ceil((tExit - tStart) / stp)));
        } else {
            for (int inner = 0; inner < 1048576; inner++) {
                float t = tStart + float(k) * stp;
                if (t > t1) { done = true; break; }
                if (t >= tExit) break;
                vec3 p = v + dv * t;
                float hu = sampleHu(p);
                if (u_mode == 0) {
                    vec4 s = tf(hu);
                    if (s.a > 0.0) {
                        vec3 sc = s.rgb;
                        if (u_shade != 0) {
                            vec2 l = light(p, dv);
                            sc = sc * l.x + l.y * s.a;
                        }
                        float w = 1.0 - a;
                        c += w * sc;
                        a += w * s.a;
                        if (a >= ALPHA_STOP) { done = true; break; }
                    }
                } else if (u_mode == 1) {
                    acc = max(acc, hu);
                } else if (u_mode == 2) {
                    acc = min(acc, hu);
                } else if (u_mode == 3) {
                    acc += hu;
                    count++;
                } else if (hu >= u_iso) {
                    float th = t;
                    if (k > 0) {
                        float lo = t - stp;
                        float hi = t;
                        for (int i = 0; i < 6; i++) {
                            float mid = 0.5 * (lo + hi);
                            if (sampleHu(v + dv * mid) >= u_iso) hi = mid; else lo = mid;
                        }
                        th = 0.5 * (lo + hi);
                    }
                    vec2 l = vec2(1.0, 0.0);
                    if (u_shade != 0) l = light(v + dv * th, dv);
                    c = u_isoColor * l.x + l.y;
                    a = 1.0;
                    value = th;
                    done = true;
                    break;
                }
                k++;
            }
        }
        if (done || tExit >= BIG) break;
        // next brick along the axis whose face comes first
        if (tn.x <= tn.y && tn.x <= tn.z) {
            b.x += sgn.x;
            tn.x = (sgn.x > 0 ? b.x == gmax.x : b.x == 0) ? BIG : tn.x + delta.x;
        } else if (tn.y <= tn.z) {
            b.y += sgn.y;
            tn.y = (sgn.y > 0 ? b.y == gmax.y : b.y == 0) ? BIG : tn.y + delta.y;
        } else {
            b.z += sgn.z;
            tn.z = (sgn.z > 0 ? b.z == gmax.z : b.z == 0) ? BIG : tn.z + delta.z;
        }
    }
    if (u_mode == 1 || u_mode == 2 || u_mode == 3) {
        bool hit = u_mode == 3 ? count > 0 : (u_mode == 1 ? acc > -BIG : acc < BIG);
        if (hit) {
            value = u_mode == 3 ? acc / float(count) : acc;
            vec4 s = tf(value);
            c = s.rgb;
            a = s.a;
        }
    }
    fragColor = vec4(c + (1.0 - a) * u_background, 1.0);
    fragValue = value;
}
