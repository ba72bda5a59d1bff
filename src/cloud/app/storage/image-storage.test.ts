import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cloudImageStorage } from './cloud-image-storage'
import { imageKeyFor } from './image-storage'
import { localImageStorage } from './local-image-storage'

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])

describe('the storage port', () => {
  it('names pictures by their content: the same bytes the same key, other bytes another', () => {
    const key = imageKeyFor('mall', PNG, 'image/png')
    expect(key).toMatch(/^mall\/[0-9a-f]{64}\.png$/)
    expect(imageKeyFor('mall', Buffer.from(PNG), 'image/png')).toBe(key)
    expect(imageKeyFor('mall', Buffer.concat([PNG, Buffer.from([0])]), 'image/png')).not.toBe(key)
  })

  it('locally: writes the file under the folder, served at /files/<key>; refuses a key that could leave the folder', async () => {
    const root = mkdtempSync(join(tmpdir(), 'local-images-'))
    const storage = localImageStorage(root)
    const key = imageKeyFor('mall', PNG, 'image/png')
    expect(await storage.put(key, PNG, 'image/png')).toBe(key)
    expect(readFileSync(join(root, key))).toEqual(PNG)
    expect(storage.urlOf(key)).toBe(`/files/${key}`)
    await expect(storage.put('../escape.png', PNG, 'image/png')).rejects.toThrow('unsafe key')
    await expect(storage.put('/etc/x.png', PNG, 'image/png')).rejects.toThrow('unsafe key')
  })

  it('on WeChat: uploads to cloud storage at the key and keeps the fileID, which is also what <Image> shows', async () => {
    const uploadFile = jest.fn(async ({ cloudPath }: { cloudPath: string }) => ({ fileID: `cloud://env-1.abcd/${cloudPath}` }))
    const storage = cloudImageStorage({ uploadFile })
    const key = imageKeyFor('mall', PNG, 'image/png')
    const fileID = await storage.put(key, PNG, 'image/png')
    expect(fileID).toBe(`cloud://env-1.abcd/${key}`)
    expect(uploadFile).toHaveBeenCalledWith({ cloudPath: key, fileContent: PNG })
    expect(storage.urlOf(fileID)).toBe(fileID)
  })
})
