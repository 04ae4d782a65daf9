import { createApp } from 'vue'
import 'element-plus/dist/index.css'
import './styles.css'
import App from './App.vue'
import { router } from './router.js'
import { labelElementPlusInputs } from './a11y.js'

createApp(App).use(router).mount('#app')
labelElementPlusInputs()
