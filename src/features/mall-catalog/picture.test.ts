import { MALL_IMAGE_MAX_BYTES } from '../../contract/mall-items'

const mockChooseImage = jest.fn()
const mockCompressImage = jest.fn()
const mockReadFileSync = jest.fn()
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { chooseImage: (...a: unknown[]) => mockChooseImage(...a), compressImage: (...a: unknown[]) => mockCompressImage(...a), getFileSystemManager: () => ({ readFileSync: mockReadFileSync }) } }))
jest.mock('../../services/platform', () => ({ isWeapp: () => true }))

// eslint-disable-next-line import/first
import { base64Bytes, choosePicture } from './picture'

/** A JPEG of `bytes` bytes as base64. */
const jpeg = (bytes: number) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(bytes - 3)]).toString('base64')

beforeEach(() => jest.clearAllMocks())

describe('choosePicture (weapp)', () => {
  it('lowers the quality until the picture fits in 200 KB, and sends it as JPEG', async () => {
    mockChooseImage.mockResolvedValue({ tempFilePaths: ['wxfile://photo.jpg'] })
    const sizes: Record<number, number> = { 80: 600_000, 65: 320_000, 50: MALL_IMAGE_MAX_BYTES }
    mockCompressImage.mockImplementation(async ({ quality }: { quality: number }) => ({ tempFilePath: `q${quality}` }))
    mockReadFileSync.mockImplementation((path: string) => jpeg(sizes[Number(path.slice(1))] ?? 1000))
    const result = await choosePicture()
    expect(mockCompressImage.mock.calls.map(([a]) => a.quality)).toEqual([80, 65, 50])
    expect(result).toEqual({ ok: true, picture: { contentType: 'image/jpeg', dataBase64: jpeg(MALL_IMAGE_MAX_BYTES) } })
  })

  it('gives up (too_large) when even the lowest quality is over the limit, and cancelled when nothing was chosen', async () => {
    mockChooseImage.mockResolvedValue({ tempFilePaths: ['wxfile://huge.jpg'] })
    mockCompressImage.mockResolvedValue({ tempFilePath: 'q' })
    mockReadFileSync.mockReturnValue(jpeg(MALL_IMAGE_MAX_BYTES + 1))
    expect(await choosePicture()).toEqual({ ok: false, reason: 'too_large' })
    mockChooseImage.mockRejectedValue(new Error('mockChooseImage:fail cancel'))
    expect(await choosePicture()).toEqual({ ok: false, reason: 'cancelled' })
  })

  it('counts bytes from base64 exactly', () => {
    for (const n of [1, 2, 3, 4, 204_800]) expect(base64Bytes(Buffer.alloc(n).toString('base64'))).toBe(n)
  })
})
