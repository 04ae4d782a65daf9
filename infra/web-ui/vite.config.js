import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

// The build goes to dist/, which Maven packages as META-INF/resources/ so that the all-in-one serves it at "/".
// `npm run dev` serves the sources with the API of a running system (./run.sh) behind the same origin.
export default defineConfig({
  // Element Plus's components are imported where a template uses them, not registered whole: the first page parses
  // what it shows instead of the library's megabyte. Its styles stay one stylesheet (main.js).
  plugins: [vue(), Components({ resolvers: [ElementPlusResolver({ importStyle: false })], dts: false })],
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        // ECharts changes less often than the pages: a separate file stays cached between releases, and only the
        // report pages load it. Element Plus's components go with the pages that use them (the bundler shares what
        // several pages use), so the first page does not wait for the forms and tables of the others.
        manualChunks(id) {
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'echarts'
          if (id.includes('node_modules/element-plus') || id.includes('node_modules/@element-plus')) return undefined
          if (id.includes('node_modules/')) return 'vendor'
        }
      }
    }
  },
  server: {
    proxy: { '/api': process.env.FOI_API || 'http://localhost:8080' }
  }
})
